import { Query } from 'mingo';
import { UUID } from 'bson';
import { MongoCommandError, type Doc } from '../errors.js';
import { formatDocument } from './format.js';
import { valueKey } from '../keys.js';
import { normalise, type Ingested } from '../values.js';

import type { ChangeLog } from './change-log.js';
import { OrderedIndex } from './ordered-index.js';
import { SecondaryIndex, type IndexSpec } from './secondary-index.js';

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/**
 * One collection in memory: documents (views) by canonical `_id`, the wire form of the few documents whose
 * numbers need it, and secondary indexes. Stored views are never mutated: a change replaces the object, so a
 * snapshot or an open cursor holding the old object stays consistent.
 */
export class Collection {
  readonly uuid = new UUID();
  private readonly byId = new Map<string, Doc>();
  private readonly wireForms = new WeakMap<Doc, Doc>();
  readonly indexes = new Map<string, SecondaryIndex>();
  private readonly idOrder = new OrderedIndex('_id');
  private validator: Query | undefined;

  constructor(
    readonly db: string,
    public name: string,
    readonly options: Doc,
    private readonly log: () => ChangeLog,
  ) {
    const validator = options['validator'];
    // Options are kept as received (listCollections shows them); the validator is evaluated on their view.
    if (validator && options['validationLevel'] !== 'off')
      this.validator = new Query(normalise(validator as Doc));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.byId.size;
  }

  docs(): IterableIterator<Doc> {
    return this.byId.values();
  }

  wireForm(view: Doc): Doc {
    return this.wireForms.get(view) ?? view;
  }

  getById(id: unknown): Doc | undefined {
    return this.byId.get(valueKey(id));
  }

  insert(doc: Ingested, bypassValidation = false): void {
    const id = doc.view['_id'];
    if (this.byId.has(valueKey(id))) throw this.duplicateIdError(id);
    if (!bypassValidation) this.validate(doc.view);
    this.checkUnique(doc.view);
    this.store(doc);
  }

  replace(current: Doc, next: Ingested, bypassValidation = false): void {
    if (!bypassValidation) this.validate(next.view);
    this.checkUnique(next.view, current);
    this.store(next, current);
  }

  remove(current: Doc): void {
    this.unindex(current);
    this.byId.delete(valueKey(current['_id']));
    this.log().record({ op: 'delete', db: this.db, coll: this.name, id: current['_id'] });
  }

  /** Puts in a document that was checked when first written (journal replay, rename, `$out`). */

  restore(doc: Ingested): void {
    this.store(doc, this.getById(doc.view['_id']));
  }

  /** The document as stored, with its wire form when it has one. */
  stored(view: Doc): Ingested {
    return { view, wire: this.wireForms.get(view) };
  }

  /** Stores `view`, in the indexes in place of `previous` when it is a new version of a stored document. */
  private store({ view, wire }: Ingested, previous?: Doc): void {
    if (previous) {
      this.idOrder.replace(previous, view);
      for (const index of this.indexes.values()) index.replace(previous, view);
    } else {
      this.idOrder.add(view);
      for (const index of this.indexes.values()) index.add(view);
    }
    this.byId.set(valueKey(view['_id']), view);
    if (wire) this.wireForms.set(view, wire);
    this.log().record({
      op: 'put',
      db: this.db,
      coll: this.name,
      doc: wire ?? view,
      exotic: wire !== undefined,
    });
  }

  private unindex(view: Doc): void {
    this.idOrder.remove(view);
    for (const index of this.indexes.values()) index.remove(view);
  }

  /** Documents in the order of `field`, when `_id` or a visible index that holds them all provides it. */
  orderOf(field: string): OrderedIndex | undefined {
    if (field === '_id') return this.idOrder;
    for (const index of this.indexes.values()) {
      if (!index.spec.hidden && index.ordered?.field === field && index.ordered.usable) return index.ordered;
    }
    return undefined;
  }

  private checkUnique(view: Doc, self?: Doc): void {
    for (const index of this.indexes.values()) {
      const conflict = index.conflict(view, self);
      if (conflict) throw index.duplicateKeyError(this.ns, conflict.entry);
    }
  }

  private duplicateIdError(id: unknown): MongoCommandError {
    const keyValue = { _id: id };
    const message = `E11000 duplicate key error collection: ${this.ns} index: _id_ dup key: ${formatDocument(keyValue)}`;
    return new MongoCommandError(11000, message, { keyPattern: { _id: 1 }, keyValue });
  }

  private validate(view: Doc): void {
    if (!this.validator || this.options['validationAction'] === 'warn' || this.validator.test(view)) return;
    throw new MongoCommandError(121, 'Document failed validation', {
      errInfo: { failingDocumentId: view['_id'], details: { operatorName: '$and' } },
    });
  }

  /** Adds an index over the current documents; throws (and leaves nothing behind) on a unique violation. */
  addIndex(spec: IndexSpec): void {
    const index = new SecondaryIndex(spec);
    for (const doc of this.byId.values()) {
      const conflict = index.conflict(doc);
      if (conflict) throw index.duplicateKeyError(this.ns, conflict.entry);
      index.add(doc);
    }
    this.indexes.set(spec.name, index);
    this.log().record({ op: 'createIndex', db: this.db, coll: this.name, spec });
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
    this.log().record({ op: 'dropIndex', db: this.db, coll: this.name, name });
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX_SPEC, ...[...this.indexes.values()].map((index) => index.spec)];
  }
}
