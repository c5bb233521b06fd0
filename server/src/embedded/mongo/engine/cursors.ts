import { randomInt } from 'node:crypto';
import { BSON, Long } from 'bson';
import { MongoCommandError, type Doc } from '../errors.js';

const DEFAULT_FIRST_BATCH = 101;
/** Replies stay under the 16 MiB BSON limit with room for the envelope. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 16 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface OpenCursor {
  ns: string;
  docs: Doc[];
  position: number;
  lastUsed: number;
}

/** Server-side cursors: the rest of a materialised result, handed out in batches by `getMore`. */
export class CursorRegistry {
  private readonly cursors = new Map<number, OpenCursor>();
  private readonly sweeper = setInterval(() => this.closeIdle(), 60_000).unref();

  /** The reply to `find`/`aggregate`/`list*`: a first batch, and a cursor id if documents remain. */
  firstBatch(ns: string, docs: Doc[], options: { batchSize?: number; singleBatch?: boolean } = {}): Doc {
    const batch = takeBatch(docs, 0, options.batchSize ?? DEFAULT_FIRST_BATCH);
    const exhausted = batch.length === docs.length || options.singleBatch === true;
    const id = exhausted ? 0 : this.open(ns, docs, batch.length);
    return { cursor: { firstBatch: batch, id: Long.fromNumber(id), ns }, ok: 1 };
  }

  getMore(id: number, collection: string, batchSize: number | undefined): Doc {
    const cursor = this.cursors.get(id);
    if (!cursor) throw new MongoCommandError(43, `cursor id ${id} not found`);
    if (cursor.ns.slice(cursor.ns.indexOf('.') + 1) !== collection) {
      throw new MongoCommandError(
        13,
        `Requested getMore on namespace '${collection}', but cursor belongs to ${cursor.ns}`,
      );
    }
    const batch = takeBatch(cursor.docs, cursor.position, batchSize ?? Number.POSITIVE_INFINITY);
    cursor.position += batch.length;
    cursor.lastUsed = Date.now();
    const done = cursor.position >= cursor.docs.length;
    if (done) this.cursors.delete(id);
    return { cursor: { nextBatch: batch, id: Long.fromNumber(done ? 0 : id), ns: cursor.ns }, ok: 1 };
  }

  kill(ids: number[]): { killed: number[]; notFound: number[] } {
    const killed = ids.filter((id) => this.cursors.delete(id));
    return { killed, notFound: ids.filter((id) => !killed.includes(id)) };
  }

  get openCount(): number {
    return this.cursors.size;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.cursors.clear();
  }

  private open(ns: string, docs: Doc[], position: number): number {
    let id = randomInt(1, 2 ** 47);
    while (this.cursors.has(id)) id = randomInt(1, 2 ** 47);
    this.cursors.set(id, { ns, docs, position, lastUsed: Date.now() });
    return id;
  }

  private closeIdle(): void {
    const cutoff = Date.now() - IDLE_TIMEOUT_MS;
    for (const [id, cursor] of this.cursors) if (cursor.lastUsed < cutoff) this.cursors.delete(id);
  }
}

function takeBatch(docs: Doc[], from: number, limit: number): Doc[] {
  // A single document always fits: documents are at most 16 MiB.
  if (limit === 1 || docs.length - from <= 1) return docs.slice(from, from + Math.min(limit, 1));
  const batch: Doc[] = [];

  let bytes = 0;
  for (let i = from; i < docs.length && batch.length < limit; i++) {
    const doc = docs[i] as Doc;
    bytes += BSON.calculateObjectSize(doc);
    if (bytes > MAX_BATCH_BYTES && batch.length > 0) break;
    batch.push(doc);
  }
  return batch;
}
