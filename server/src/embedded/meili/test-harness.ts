import { randomUUID } from 'node:crypto';
import type { EnqueuedTaskPromise, Task } from 'meilisearch';
import { Meilisearch } from 'meilisearch';
import { startMeiliServer } from './index.js';

export interface MeiliHarness {
  url: string;
  masterKey: string;
  /** A client holding the master key. */
  client: Meilisearch;
  /** A fresh index uid, unique per test file, so suites can share a real server. */
  uid(name: string): string;
  /** Whether this runs against a real Meilisearch (`MEILI_URL`). */
  external: boolean;
  close(): Promise<void>;
}

const TEST_MASTER_KEY = 'embedded-meili-test-master-key';

/**
 * Conformance suites talk to Meilisearch only through the `meilisearch` client: the embedded
 * service by default, or a real server when `MEILI_URL` (and `MEILI_MASTER_KEY`) are set.
 */
export async function startHarness(): Promise<MeiliHarness> {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const uid = (name: string) => `${prefix}_${name}`;
  const externalUrl = process.env.MEILI_URL;
  if (externalUrl) {
    const masterKey = process.env.MEILI_MASTER_KEY ?? '';
    const client = new Meilisearch({ host: externalUrl, apiKey: masterKey });
    const close = async () => {
      const { results } = await client.getIndexes({ limit: 1000 });
      for (const index of results.filter((i) => i.uid.startsWith(prefix)))
        await client.deleteIndex(index.uid).waitTask();
    };
    return { url: externalUrl, masterKey, client, uid, external: true, close };
  }
  const server = await startMeiliServer({ masterKey: TEST_MASTER_KEY });
  const client = new Meilisearch({ host: server.url, apiKey: TEST_MASTER_KEY });
  return {
    url: server.url,
    masterKey: TEST_MASTER_KEY,
    client,
    uid,
    external: false,
    close: () => server.close(),
  };
}

/** Wait for a write and insist it succeeded (a failed task is returned, not thrown, by the client). */
export async function succeeded(task: EnqueuedTaskPromise): Promise<Task> {
  const done = await task.waitTask({ interval: 10, timeout: 20_000 });
  if (done.status !== 'succeeded')
    throw new Error(`task ${done.uid} ${done.status}: ${JSON.stringify(done.error)}`);
  return done;
}

/** The Meilisearch error object (`cause`) of a rejected client call. */
export async function apiError(
  call: Promise<unknown>,
): Promise<{ code: string; message: string; type: string; link: string; status?: number }> {
  try {
    await call;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause as {
      code: string;
      message: string;
      type: string;
      link: string;
    };
    const status = (error as { response?: { status?: number } }).response?.status;
    return { ...cause, status };
  }
  throw new Error('expected the call to fail');
}
