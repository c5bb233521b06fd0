import { compareValues } from '../compare.js';
import type { Doc } from '../errors.js';
import { ARRAY_ON_PATH, scalarAtPath } from '../keys.js';

/**
 * The documents of a collection in the order of one field, kept for sorts on that field: parallel sorted
 * arrays of keys and documents, equal keys in `_id` order, so that any document is found by binary search
 * (a low-cardinality field such as a status holds thousands of equal keys). Inserts of increasing keys
 * (dates, ObjectIds) append. A document holding an array on the path is left out, and while any such
 * document exists the order cannot serve a sort: MongoDB sorts it by its smallest element ascending and its
 * largest descending.
 */
export class OrderedIndex {
  private readonly keys: unknown[] = [];
  private readonly docs: Doc[] = [];
  private withArrays = 0;

  constructor(readonly field: string) {}

  get usable(): boolean {
    return this.withArrays === 0;
  }

  add(doc: Doc): void {
    const key = scalarAtPath(doc, this.field);
    if (key === ARRAY_ON_PATH) {
      this.withArrays += 1;
      return;
    }
    const at = this.position(key ?? null, doc);
    this.keys.splice(at, 0, key ?? null);
    this.docs.splice(at, 0, doc);
  }

  remove(doc: Doc): void {
    const key = scalarAtPath(doc, this.field);
    if (key === ARRAY_ON_PATH) {
      this.withArrays -= 1;
      return;
    }
    const at = this.position(key ?? null, doc);
    if (this.docs[at] === doc) {
      this.keys.splice(at, 1);
      this.docs.splice(at, 1);
    }
  }

  /** A new version of a stored document: put in its place when its key is unchanged, moved otherwise. */
  replace(current: Doc, next: Doc): void {
    const key = scalarAtPath(current, this.field);
    const nextKey = scalarAtPath(next, this.field);
    if (
      key === ARRAY_ON_PATH ||
      nextKey === ARRAY_ON_PATH ||
      compareValues(key ?? null, nextKey ?? null) !== 0
    ) {
      this.remove(current);
      this.add(next);
      return;
    }
    const at = this.position(key ?? null, current);
    if (this.docs[at] !== current) return this.add(next);
    this.keys[at] = nextKey ?? null;
    this.docs[at] = next;
  }

  *scan(direction: 1 | -1): Generator<Doc> {
    if (direction === 1) yield* this.docs;
    else for (let i = this.docs.length - 1; i >= 0; i--) yield this.docs[i] as Doc;
  }

  private compareAt(index: number, key: unknown, doc: Doc): number {
    return compareValues(key, this.keys[index]) || compareValues(doc['_id'], this.docs[index]?.['_id']);
  }

  /** Where (`key`, `doc._id`) is or belongs: the first entry not before it. */
  private position(key: unknown, doc: Doc): number {
    const last = this.keys.length - 1;
    if (last < 0 || this.compareAt(last, key, doc) > 0) return last + 1;
    let low = 0;
    let high = last;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compareAt(mid, key, doc) > 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
