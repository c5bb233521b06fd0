import { parseArgs } from 'node:util';
import { startMongoServer, type Logger } from './index.js';

/**
 * `embedded:mongo [--host H] [--port P] [--data DIR] [--exit-with-parent]`. Prints one JSON "ready" line on
 * stdout once listening; logs go to stderr as JSON lines. SIGTERM/SIGINT (or stdin closing, with
 * --exit-with-parent) stop it cleanly with exit code 0.
 */
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    'exit-with-parent': { type: 'boolean', default: false },
  },
});

const logger: Logger = (level, msg, fields) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level, service: 'mongo', msg, ...fields })}\n`,
  );
};

async function main(): Promise<void> {
  const server = await startMongoServer({
    host: values.host,
    port: Number(values.port),
    ...(values.data !== undefined && { dataDir: values.data }),
    logger,
  });
  process.stdout.write(
    `${JSON.stringify({ event: 'ready', service: 'mongo', url: server.url, pid: process.pid })}\n`,
  );
  if (process.stderr.isTTY) process.stderr.write(`Embedded MongoDB ready: mongosh "${server.url}"\n`);

  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    logger('info', 'shutting down', { reason });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger('error', 'shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (values['exit-with-parent']) {
    process.stdin.on('end', () => stop('parent exited'));
    process.stdin.on('error', () => stop('parent exited'));
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  logger('error', 'failed to start', { error: String(error) });
  process.exit(1);
});
