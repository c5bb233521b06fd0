import { open, rename } from 'node:fs/promises';
import type { Catalog } from '../engine/catalog.js';
import type { Change } from '../engine/change-log.js';
import { encodeChange } from './records.js';
import { syncDirectory } from './files.js';

/** Bytes gathered before each write; between writes the event loop serves clients. */
const CHUNK_BYTES = 1 << 20;

/**
 * The changes that rebuild the catalog as it is now. Captured synchronously: stored documents are never
 * mutated, so the captured objects stay as they were even while later writes proceed.
 */
export function captureCatalog(catalog: Catalog): Change[][] {
  const parts: Change[][] = [];
  for (const db of catalog.databaseNames()) {
    for (const collection of catalog.collections(db)) {
      const coll = collection.name;
      const header: Change[] = [{ op: 'create', db, coll, options: collection.options }];
      for (const spec of collection.indexSpecs().slice(1)) header.push({ op: 'createIndex', db, coll, spec });
      const puts: Change[] = [...collection.docs()].map((view) => {
        const wire = collection.wireForm(view);
        return { op: 'put', db, coll, doc: wire, exotic: wire !== view };
      });
      parts.push(header, puts);
    }
  }
  return parts;
}

/** Writes a snapshot to a temporary file, syncs it, then renames it into place: it is whole or absent. */
export async function writeSnapshot(path: string, parts: Change[][]): Promise<number> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  let total = 0;
  try {
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    for (const change of parts.flat()) {
      const record = encodeChange(change);
      chunk.push(record);
      chunkBytes += record.length;
      if (chunkBytes >= CHUNK_BYTES) {
        await handle.write(Buffer.concat(chunk));
        total += chunkBytes;
        chunk = [];
        chunkBytes = 0;
      }
    }
    await handle.write(Buffer.concat(chunk));
    total += chunkBytes;
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(path);
  return total;
}
