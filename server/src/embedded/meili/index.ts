import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandler } from './http/server.js';
import type { Logger } from './instance.js';
import { Instance } from './instance.js';

export type { Logger };

export interface MeiliServerOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where state lives; omitted → in memory only. */
  dataDir?: string;
  /** Without a master key no request is authenticated, as in Meilisearch's development mode. */
  masterKey?: string;
  logger?: Logger;
}

export interface MeiliServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const silent: Logger = () => undefined;

/** Start an embedded Meilisearch-compatible server; resolves once it accepts requests. */
export async function startMeiliServer(options: MeiliServerOptions = {}): Promise<MeiliServer> {
  const log = options.logger ?? silent;
  const instance = new Instance({ dataDir: options.dataDir, masterKey: options.masterKey }, log);
  await instance.load();
  const server = createServer(createHandler(instance, log));
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log('info', 'meili listening', { url, dataDir: options.dataDir ?? null });
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await instance.close();
        log('info', 'meili stopped', {});
      })()),
  };
}
