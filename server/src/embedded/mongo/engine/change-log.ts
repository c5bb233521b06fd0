import type { Doc } from '../errors.js';

/** A durable change, in the order it was applied in memory. The storage layer journals these. */
export type Change =
  | { op: 'put'; db: string; coll: string; doc: Doc; exotic: boolean }
  | { op: 'delete'; db: string; coll: string; id: unknown }
  | { op: 'create'; db: string; coll: string; options: Doc }
  | { op: 'drop'; db: string; coll: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'createIndex'; db: string; coll: string; spec: Doc }
  | { op: 'dropIndex'; db: string; coll: string; name: string }
  | { op: 'rename'; db: string; coll: string; toDb: string; toColl: string };

export interface ChangeLog {
  record(change: Change): void;
}

export const discardChanges: ChangeLog = { record: () => undefined };
