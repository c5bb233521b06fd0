import { Query } from 'mingo';
import { MongoCommandError, type Doc } from '../errors.js';
import { EMPTY_ARRAY, KEY_SEPARATOR, valueKey, valuesAtPath } from '../keys.js';
import { formatDocument } from './format.js';
import { OrderedIndex } from './ordered-index.js';

export interface IndexSpec extends Doc {
  key: Doc;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  hidden?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
}

/** One index key of one document: the canonical string and the field values it was made of. */
interface IndexEntry {
  key: string;
  firstKey: string;
  values: unknown[];
}

type Bucket = Doc | Set<Doc>;

/** A hash index on one or more fields: exact-key lookups, prefix lookups on the first field, uniqueness. */
export class SecondaryIndex {
  readonly fields: string[];
  private readonly entries = new Map<string, Bucket>();
  private readonly byFirstField: Map<string, Bucket> | undefined;
  private readonly partialFilter: Query | undefined;
  /** The documents in first-field order; only an index that holds every document can order them. */
  readonly ordered: OrderedIndex | undefined;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.byFirstField = this.fields.length > 1 ? new Map() : undefined;
    this.partialFilter = spec.partialFilterExpression ? new Query(spec.partialFilterExpression) : undefined;
    const complete = !spec.sparse && !this.partialFilter;
    this.ordered = complete ? new OrderedIndex(this.fields[0] ?? '') : undefined;
  }

  get usableForLookups(): boolean {
    return !this.spec.hidden && !this.partialFilter;
  }

  /** The keys a document contributes; none when a sparse or partial index leaves it out. */
  entriesFor(doc: Doc): IndexEntry[] {
    if (this.partialFilter && !this.partialFilter.test(doc)) return [];
    const perField = this.fields.map((field) => valuesAtPath(doc, field));
    if (this.spec.sparse && perField.every((values) => values.every((v) => v === undefined))) return [];
    const arrays = perField.filter((values) => values.length > 1);
    if (arrays.length > 1) {
      throw new MongoCommandError(171, `cannot index parallel arrays [${this.fields.join('] [')}]`);
    }
    return this.combine(perField);
  }

  private combine(perField: unknown[][]): IndexEntry[] {
    const multiIndex = perField.findIndex((values) => values.length > 1);
    const variants = multiIndex === -1 ? [undefined] : (perField[multiIndex] ?? []);
    return variants.map((variant) => {
      const raw = perField.map((vals, i) => (i === multiIndex ? variant : vals[0]));
      const keys = raw.map(indexKey);
      const values = raw.map((value) => (value === EMPTY_ARRAY ? undefined : (value ?? null)));
      return { key: keys.join(KEY_SEPARATOR), firstKey: keys[0] ?? '', values };
    });
  }

  /**
   * The document (other than `self`) that already holds one of `doc`'s keys in a unique index. Throws when
   * `doc` cannot be indexed at all, so a write is refused before anything is changed.
   */
  conflict(doc: Doc, self?: Doc): { other: Doc; entry: IndexEntry } | undefined {
    const entries = this.entriesFor(doc);
    if (!this.spec.unique) return undefined;
    for (const entry of entries) {
      for (const other of bucketDocs(this.entries.get(entry.key))) {
        if (other !== self) return { other, entry };
      }
    }
    return undefined;
  }

  duplicateKeyError(ns: string, entry: IndexEntry): MongoCommandError {
    const keyValue: Doc = {};
    this.fields.forEach((field, i) => (keyValue[field] = entry.values[i]));
    const message = `E11000 duplicate key error collection: ${ns} index: ${this.spec.name} dup key: ${formatDocument(keyValue)}`;
    return new MongoCommandError(11000, message, { keyPattern: this.spec.key, keyValue });
  }

  add(doc: Doc): void {
    this.ordered?.add(doc);
    this.addEntries(doc);
  }

  remove(doc: Doc): void {
    this.ordered?.remove(doc);
    this.removeEntries(doc);
  }

  replace(current: Doc, next: Doc): void {
    this.ordered?.replace(current, next);
    this.removeEntries(current);
    this.addEntries(next);
  }

  private addEntries(doc: Doc): void {
    for (const entry of this.entriesFor(doc)) {
      addToBucket(this.entries, entry.key, doc);
      if (this.byFirstField) addToBucket(this.byFirstField, entry.firstKey, doc);
    }
  }

  private removeEntries(doc: Doc): void {
    for (const entry of this.entriesFor(doc)) {
      removeFromBucket(this.entries, entry.key, doc);
      if (this.byFirstField) removeFromBucket(this.byFirstField, entry.firstKey, doc);
    }
  }

  lookup(key: string): Iterable<Doc> {
    return bucketDocs(this.entries.get(key));
  }

  lookupFirstField(key: string): Iterable<Doc> {
    return bucketDocs((this.byFirstField ?? this.entries).get(key));
  }
}

/** MongoDB indexes a missing field as null, and an empty array as undefined, which is not null. */
function indexKey(value: unknown): string {
  return value === EMPTY_ARRAY ? 'U' : valueKey(value);
}

function bucketDocs(bucket: Bucket | undefined): Iterable<Doc> {
  if (bucket === undefined) return [];
  return bucket instanceof Set ? bucket : [bucket];
}

function addToBucket(map: Map<string, Bucket>, key: string, doc: Doc): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, doc);
  else if (bucket instanceof Set) bucket.add(doc);
  else if (bucket !== doc) map.set(key, new Set([bucket, doc]));
}

function removeFromBucket(map: Map<string, Bucket>, key: string, doc: Doc): void {
  const bucket = map.get(key);
  if (bucket === doc) map.delete(key);
  else if (bucket instanceof Set) {
    bucket.delete(doc);
    if (bucket.size === 1) map.set(key, bucket.values().next().value as Doc);
  }
}
