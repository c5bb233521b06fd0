import type { IndexEntry } from './indexes.js';

const cache = new WeakMap<IndexEntry, { version: number; size: number; fields: Record<string, number> }>();

function measure(entry: IndexEntry) {
  const known = cache.get(entry);
  if (known?.version === entry.engine.version) return known;
  const fields: Record<string, number> = {};
  let size = 0;
  for (const docid of entry.engine.store.externalIds.values()) {
    const document = entry.engine.store.documents[docid]!;
    size += Buffer.byteLength(JSON.stringify(document));
    for (const key of Object.keys(document)) fields[key] = (fields[key] ?? 0) + 1;
  }
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1)));
  const measured = { version: entry.engine.version, size, fields: sorted };
  cache.set(entry, measured);
  return measured;
}

/** `GET /indexes/:uid/stats` (sizes are those of the documents' JSON, there is no LMDB here). */
export function indexStats(entry: IndexEntry, isIndexing: boolean) {
  const { size, fields } = measure(entry);
  const count = entry.engine.store.size;
  return {
    numberOfDocuments: count,
    rawDocumentDbSize: size,
    avgDocumentSize: count ? Math.round(size / count) : 0,
    isIndexing,
    numberOfEmbeddings: 0,
    numberOfEmbeddedDocuments: 0,
    fieldDistribution: fields,
  };
}
