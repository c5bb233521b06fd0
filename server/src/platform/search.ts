import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceHealth } from '@techmatch/shared';
import { Meilisearch } from 'meilisearch';
import type { Config } from '../config.js';
import { embeddedInstance } from './embedded-instance.js';
import type { SearchSync } from './search-sync.js';
import type { Logger } from './logger.js';

export interface Search {
  client: Meilisearch;
  mode: 'embedded' | 'external';
  health(): Promise<ServiceHealth>;
  close(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 2_000;

/** The embedded service keeps one master key per data directory, created on first start. */
function embeddedMasterKey(dataDir: string): string {
  const file = path.join(dataDir, 'master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(24).toString('hex');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export function searchClient(host: string, apiKey: string): Meilisearch {
  return new Meilisearch({ host, apiKey, timeout: 10_000 });
}

export function searchService(
  client: Meilisearch,
  mode: Search['mode'],
  release: () => Promise<void>,
): Search {
  return {
    client,
    mode,
    async health() {
      try {
        const ok = await Promise.race([
          client.isHealthy(),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS).unref()),
        ]);
        return ok ? { mode, state: 'up' } : { mode, state: 'down', detail: 'no answer to /health' };
      } catch (error) {
        return { mode, state: 'down', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    close: release,
  };
}

/**
 * Meilisearch at `MEILI_URL`, or the embedded Meilisearch-compatible service under `DATA_DIR/meili`.
 * Nothing here needs the service to answer: the app starts (and keeps accepting writes) while search is down.
 */
export async function openSearch(config: Config, logger: Logger): Promise<Search> {
  if (config.MEILI_URL) {
    const client = searchClient(config.MEILI_URL, config.MEILI_MASTER_KEY ?? '');
    return searchService(client, 'external', async () => {});
  }
  const masterKey = embeddedMasterKey(path.resolve(config.DATA_DIR, 'meili'));
  const instance = await embeddedInstance('meili', config.DATA_DIR, ['--master-key', masterKey], logger);
  return searchService(searchClient(instance.url, masterKey), 'embedded', instance.release);
}

/** The service's own state, plus whether the index is keeping up with the database. */
export async function searchHealth(search: Search, sync: SearchSync): Promise<ServiceHealth> {
  const health = await search.health();
  if (health.state === 'up' && sync.state.lastError)
    return { ...health, detail: `sync retrying: ${sync.state.lastError}` };
  return health;
}
