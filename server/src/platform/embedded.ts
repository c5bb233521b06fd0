import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from './logger.js';

export type EmbeddedServiceName = 'mongo' | 'meili';

export interface EmbeddedService {
  readonly url: string;
  readonly running: boolean;
  /** The process id of the current child (it changes when the child is restarted). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const RESTART_DELAY_MS = 500;

interface ReadyLine {
  event: 'ready';
  url: string;
}

/** From TypeScript sources (tests, `npm run dev`) the child runs through tsx; from a build, plain node. */
function entryPoint(service: EmbeddedServiceName): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const file = path.join(path.dirname(here), '..', 'embedded', service, fromSource ? 'cli.ts' : 'cli.js');
  if (!existsSync(file)) throw new Error(`embedded ${service} entry point missing: ${file}`);
  return { file, execArgv: fromSource ? ['--import', 'tsx'] : [] };
}

function forwardLogs(child: ChildProcess, service: EmbeddedServiceName, logger: Logger): void {
  if (!child.stderr) return;
  createInterface({ input: child.stderr }).on('line', (line) => {
    try {
      // The child's own level, time, service and message become the parent's, not duplicate keys beside them.
      const {
        level: childLevel,
        msg,
        time: _time,
        service: _service,
        ...fields
      } = JSON.parse(line) as Record<string, unknown>;
      const level =
        childLevel === 'error' || childLevel === 'warn' || childLevel === 'debug' ? childLevel : 'info';
      logger[level]({ embedded: service, ...fields }, typeof msg === 'string' ? msg : line);
    } catch {
      logger.info({ embedded: service }, line);
    }
  });
}

function waitForReady(child: ChildProcess, service: EmbeddedServiceName): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error(`embedded ${service}: stdout not piped`));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`embedded ${service} did not become ready within ${STARTUP_TIMEOUT_MS / 1000} s`));
    }, STARTUP_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const ready = parseReadyLine(line);
      if (!ready) return;
      clearTimeout(timer);
      lines.close();
      resolve(ready.url);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`embedded ${service} exited during start-up (code ${code}, signal ${signal})`));
    });
  });
}

function parseReadyLine(line: string): ReadyLine | null {
  try {
    const value = JSON.parse(line) as Partial<ReadyLine>;
    return value.event === 'ready' && typeof value.url === 'string' ? (value as ReadyLine) : null;
  } catch {
    return null;
  }
}

/**
 * Runs an embedded service as a child process, off the application's event loop. The child exits when our
 * stdin pipe closes, so it never outlives the app, even after `kill -9`. If it dies unexpectedly it is
 * restarted on the same port, so clients reconnect to the same URL.
 */
export async function launchEmbeddedService(
  service: EmbeddedServiceName,
  args: string[],
  logger: Logger,
): Promise<EmbeddedService> {
  const { file, execArgv } = entryPoint(service);
  let child: ChildProcess;
  let stopping = false;
  let running = false;

  const spawnChild = async (portArgs: string[]): Promise<string> => {
    child = spawn(process.execPath, [...execArgv, file, ...args, ...portArgs, '--exit-with-parent'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    forwardLogs(child, service, logger);
    const readyUrl = await waitForReady(child, service);
    running = true;
    child.once('exit', (code, signal) => {
      running = false;
      if (stopping) return;
      logger.error({ embedded: service, code, signal }, `embedded ${service} exited; restarting`);
      setTimeout(() => {
        spawnChild(['--port', String(new URL(readyUrl).port)]).catch((error: unknown) =>
          logger.error({ err: error, embedded: service }, `embedded ${service} failed to restart`),
        );
      }, RESTART_DELAY_MS);
    });
    return readyUrl;
  };

  const url = await spawnChild([]);
  logger.info({ embedded: service, url }, `embedded ${service} ready`);

  return {
    url,
    get running() {
      return running;
    },
    get pid() {
      return child.pid;
    },
    async stop() {
      stopping = true;
      if (!running) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin?.end();
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    },
  };
}
