import { compareValues } from '../compare.js';
import type { Doc } from '../errors.js';
import { ARRAY_ON_PATH, scalarAtPath } from '../keys.js';

/**
 * The documents of a collection in the order of one field, kept for sorts on that field: parallel sorted
 * arrays of keys and documents, equal keys in insertion order. Inserts of increasing keys (dates, ObjectIds)
 * append. A document holding an array on the path is left out, and while any such document exists the
 * order cannot serve a sort: MongoDB sorts it by its smallest element ascending and its largest descending.
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
    const at = this.boundary(key ?? null, true);
    this.keys.splice(at, 0, key ?? null);
    this.docs.splice(at, 0, doc);
  }

  remove(doc: Doc): void {
    const key = scalarAtPath(doc, this.field);
    if (key === ARRAY_ON_PATH) {
      this.withArrays -= 1;
      return;
    }
    const from = this.boundary(key ?? null, false);
    const at = this.docs.indexOf(doc, from);
    if (at !== -1) {
      this.keys.splice(at, 1);
      this.docs.splice(at, 1);
    }
  }

  *scan(direction: 1 | -1): Generator<Doc> {
    if (direction === 1) yield* this.docs;
    else for (let i = this.docs.length - 1; i >= 0; i--) yield this.docs[i] as Doc;
  }

  /** The first position after (`after`) or at the keys equal to `key`. */
  private boundary(key: unknown, after: boolean): number {
    const last = this.keys.length - 1;
    if (after && (last < 0 || compareValues(key, this.keys[last]) >= 0)) return last + 1;
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const order = compareValues(key, this.keys[mid]);
      if (order > 0 || (after && order === 0)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
