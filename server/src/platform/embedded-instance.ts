import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchEmbeddedService, type EmbeddedServiceName } from './embedded.js';
import type { Logger } from './logger.js';

interface RunningInstance {
  url: string;
  pid: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runningInstance(stateFile: string): RunningInstance | null {
  if (!existsSync(stateFile)) return null;
  try {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as RunningInstance;
    return isAlive(state.pid) ? state : null;
  } catch {
    return null;
  }
}

export interface EmbeddedInstance {
  url: string;
  /** Stops the service if this process started it; leaves another process's service running. */
  release(): Promise<void>;
}

/**
 * The embedded service for one data directory. A data directory belongs to one service process at a time,
 * so when an app already serves it (its pid is alive in the state file), CLIs such as `admin:create` and
 * `reindex` connect to that one instead of starting a second.
 */
export async function embeddedInstance(
  service: EmbeddedServiceName,
  dataRoot: string,
  args: string[],
  logger: Logger,
): Promise<EmbeddedInstance> {
  const dataDir = path.resolve(dataRoot, service);
  const stateFile = path.resolve(dataRoot, `embedded-${service}.json`);
  const shared = runningInstance(stateFile);
  if (shared) return { url: shared.url, release: async () => {} };
  mkdirSync(dataDir, { recursive: true });
  const launched = await launchEmbeddedService(service, ['--data', dataDir, ...args], logger);
  writeFileSync(stateFile, JSON.stringify({ url: launched.url, pid: process.pid }));
  return {
    url: launched.url,
    async release() {
      await launched.stop();
      rmSync(stateFile, { force: true });
    },
  };
}
