import { MeiliError, indexNotFound } from './errors.js';
import type { ExperimentalFeatures } from './engine/index-engine.js';
import { IndexEngine } from './engine/index-engine.js';
import type { Settings } from './settings/settings.js';
import type { Swap } from './tasks/task.js';

export interface IndexEntry {
  engine: IndexEngine;
  createdAt: string;
  updatedAt: string;
}

const VALID_UID = /^[A-Za-z0-9_-]+$/;

/** Meilisearch's index uid rule: ASCII alphanumerics, `-` and `_`, at most 400 bytes. */
export function assertIndexUid(uid: unknown): asserts uid is string {
  if (typeof uid === 'string' && VALID_UID.test(uid) && uid.length <= 400) return;
  throw new MeiliError(
    'invalid_index_uid',
    `\`${String(uid)}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 400 bytes.`,
  );
}

/** The set of indexes and the index-level operations tasks perform on it. */
export class Indexes {
  private readonly entries = new Map<string, IndexEntry>();
  readonly features: ExperimentalFeatures = { containsFilter: false };

  has(uid: string): boolean {
    return this.entries.has(uid);
  }

  get(uid: string): IndexEntry | undefined {
    return this.entries.get(uid);
  }

  require(uid: string): IndexEntry {
    const entry = this.entries.get(uid);
    if (!entry) throw indexNotFound(uid);
    return entry;
  }

  all(): IndexEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.engine.uid < b.engine.uid ? -1 : 1));
  }

  create(uid: string, primaryKey: string | null, at: string, settings?: Settings): IndexEntry {
    const engine = new IndexEngine(uid, settings);
    engine.primaryKey = primaryKey;
    engine.features = this.features;
    const entry = { engine, createdAt: at, updatedAt: at };
    this.entries.set(uid, entry);
    return entry;
  }

  update(uid: string, change: { primaryKey?: string | null; newUid?: string }, at: string): void {
    const entry = this.require(uid);
    if (change.newUid !== undefined && change.newUid !== uid) {
      if (this.entries.has(change.newUid))
        throw new MeiliError('index_already_exists', `Index \`${change.newUid}\` already exists.`);
      this.entries.delete(uid);
      entry.engine.uid = change.newUid;
      this.entries.set(change.newUid, entry);
    }
    if (change.primaryKey !== undefined && change.primaryKey !== entry.engine.primaryKey) {
      if (entry.engine.store.size > 0) {
        throw new MeiliError(
          'index_primary_key_already_exists',
          `Index \`${entry.engine.uid}\`: Index already has a primary key: \`${entry.engine.primaryKey}\`.`,
        );
      }
      entry.engine.primaryKey = change.primaryKey;
    }
    entry.updatedAt = at;
  }

  delete(uid: string): number {
    const entry = this.require(uid);
    this.entries.delete(uid);
    return entry.engine.store.size;
  }

  swap(swaps: Swap[], at: string): { swaps: { indexes: string[]; rename: boolean }[] } {
    const missing = swaps.flatMap((swap) =>
      swap.indexes.filter((uid, i) => !this.entries.has(uid) && !(swap.rename && i === 1)),
    );
    if (missing.length) {
      const names = missing.map((uid) => `\`${uid}\``).join(', ');
      throw new MeiliError('index_not_found', `Indexes ${names} not found.`);
    }
    for (const {
      indexes: [a, b],
      rename,
    } of swaps) {
      const first = this.entries.get(a)!;
      const second = this.entries.get(b);
      if (rename && second) throw new MeiliError('index_already_exists', `Index \`${b}\` already exists.`);
      this.entries.delete(a);
      this.entries.delete(b);
      this.place(b, first, at);
      if (second) this.place(a, second, at);
    }
    return { swaps: swaps.map((swap) => ({ indexes: [...swap.indexes], rename: swap.rename })) };
  }

  private place(uid: string, entry: IndexEntry, at: string): void {
    entry.engine.uid = uid;
    entry.updatedAt = at;
    this.entries.set(uid, entry);
  }
}
