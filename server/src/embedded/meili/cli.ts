import { parseArgs } from 'node:util';
import type { Logger } from './index.js';
import { startMeiliServer } from './index.js';

/**
 * `meili [--host H] [--port P] [--data DIR] [--master-key KEY] [--exit-with-parent]`
 * Prints one JSON line `{"event":"ready",...}` on stdout once listening; logs go to stderr.
 */
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    'master-key': { type: 'string' },
    'exit-with-parent': { type: 'boolean', default: false },
  },
});

const logger: Logger = (level, message, fields) => {
  process.stderr.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), service: 'meili', msg: message, ...fields })}\n`,
  );
};

const server = await startMeiliServer({
  host: values.host,
  port: Number(values.port),
  dataDir: values.data,
  masterKey: values['master-key'] ?? process.env.MEILI_MASTER_KEY ?? undefined,
  logger,
});
process.stdout.write(
  `${JSON.stringify({ event: 'ready', service: 'meili', url: server.url, pid: process.pid })}\n`,
);
if (!values.data) process.stderr.write('meili: running in memory (no --data): state is lost on exit\n');

let stopping = false;
function shutdown(reason: string): void {
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
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
if (values['exit-with-parent']) {
  process.stdin.on('end', () => shutdown('parent exited'));
  process.stdin.on('error', () => shutdown('parent exited'));
  process.stdin.resume();
}
