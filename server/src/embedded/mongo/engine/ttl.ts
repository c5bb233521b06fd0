import type { Doc } from '../errors.js';
import { valuesAtPath } from '../keys.js';
import type { Logger } from '../logger.js';
import type { Catalog } from './catalog.js';
import type { Collection } from './collection.js';

/** MongoDB's TTL monitor runs every 60 seconds. */
const TTL_INTERVAL_MS = 60_000;

/** Removes documents whose TTL-indexed date (the earliest, for an array) is older than the index allows. */
export function removeExpired(catalog: Catalog, now = Date.now()): number {
  let removed = 0;
  for (const db of catalog.databaseNames()) {
    for (const collection of catalog.collections(db)) removed += removeExpiredIn(collection, now);
  }
  return removed;
}

function removeExpiredIn(collection: Collection, now: number): number {
  const expired: Doc[] = [];
  for (const index of collection.indexes.values()) {
    const seconds = index.spec.expireAfterSeconds;
    const field = index.fields[0];
    if (typeof seconds !== 'number' || index.fields.length !== 1 || field === undefined) continue;
    const cutoff = now - seconds * 1000;
    for (const doc of collection.docs()) {
      const dates = valuesAtPath(doc, field).filter((value): value is Date => value instanceof Date);
      if (dates.length > 0 && Math.min(...dates.map((date) => date.getTime())) <= cutoff) expired.push(doc);
    }
  }
  for (const doc of new Set(expired)) collection.remove(doc);
  return new Set(expired).size;
}

export function startTtlMonitor(catalog: Catalog, log: Logger, intervalMs = TTL_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    const removed = removeExpired(catalog);
    if (removed > 0) log('debug', 'TTL monitor removed expired documents', { removed });
  }, intervalMs).unref();
  return () => clearInterval(timer);
}
