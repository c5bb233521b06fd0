import { Bitset } from './bitset.js';
import type { FlatDocument } from './fields.js';
import { GrowableUint32 } from './growable.js';

/** `normalize_facet`: trim, compatibility-decompose, lowercase (accents are kept). */
export function normalizeFacet(value: string): string {
  return value.trim().normalize('NFKD').toLowerCase();
}

function pushOnce(list: GrowableUint32, docid: number): void {
  if (list.last() !== docid) list.push(docid);
}

export interface StringFacet {
  /** The original spelling first seen, which facet distributions display. */
  original: string;
  docs: GrowableUint32;
}

/** Facet values of one filterable path: equality maps, sorted keys for ranges, and presence lists. */
export class FacetField {
  readonly strings = new Map<string, StringFacet>();
  readonly numbers = new Map<number, GrowableUint32>();
  readonly exists = new GrowableUint32();
  readonly nulls = new GrowableUint32();
  readonly empties = new GrowableUint32();
  private sortedStrings: string[] | undefined;
  private sortedNumbers: Float64Array | undefined;
  private byDocument: FacetValuesByDocument | undefined;
  private byValue: Bitset[] | undefined;
  private numberOrder: NumbersInOrder | undefined;

  add(docid: number, values: unknown[], empty: boolean): void {
    this.byDocument = undefined;
    this.byValue = undefined;
    this.numberOrder = undefined;
    pushOnce(this.exists, docid);
    if (empty) pushOnce(this.empties, docid);
    for (const value of values) {
      if (value === null) pushOnce(this.nulls, docid);
      else if (typeof value === 'number' && Number.isFinite(value)) this.addNumber(docid, value);
      else if (typeof value === 'string' || typeof value === 'boolean') this.addString(docid, String(value));
    }
  }

  private addNumber(docid: number, value: number): void {
    let list = this.numbers.get(value);
    if (!list) {
      list = new GrowableUint32(2);
      this.numbers.set(value, list);
      this.sortedNumbers = undefined;
    }
    pushOnce(list, docid);
  }

  private addString(docid: number, value: string): void {
    const key = normalizeFacet(value);
    let facet = this.strings.get(key);
    if (!facet) {
      facet = { original: value, docs: new GrowableUint32(2) };
      this.strings.set(key, facet);
      this.sortedStrings = undefined;
    }
    pushOnce(facet.docs, docid);
  }

  numberKeys(): Float64Array {
    this.sortedNumbers ??= Float64Array.from(this.numbers.keys()).sort();
    return this.sortedNumbers;
  }

  /** Every (number, document) pair in value order, so that a numeric range is one contiguous slice. */
  numbersInOrder(): NumbersInOrder {
    if (this.numberOrder) return this.numberOrder;
    const keys = this.numberKeys();
    const lists = [...keys].map((key) => this.numbers.get(key)!);
    const total = lists.reduce((sum, list) => sum + list.length, 0);
    const order: NumbersInOrder = { values: new Float64Array(total), docs: new Uint32Array(total) };
    let at = 0;
    lists.forEach((list, i) => {
      order.values.fill(keys[i]!, at, at + list.length);
      order.docs.set(list.data.subarray(0, list.length), at);
      at += list.length;
    });
    this.numberOrder = order;
    return order;
  }

  stringKeys(): string[] {
    this.sortedStrings ??= [...this.strings.keys()].sort();
    return this.sortedStrings;
  }

  /** How many distinct values the field holds (numbers and strings). */
  valueCount(): number {
    return this.numbers.size + this.strings.size;
  }

  /**
   * Per value (in `valuesByDocument` order), its documents as a set, sized for the documents indexed so far (a
   * document added later without this field carries none of its values): a facet of few values counts by sets.
   */
  documentsByValue(capacity: number): Bitset[] {
    if (this.byValue) return this.byValue;
    this.byValue = this.valueLists().map((list) => {
      const set = new Bitset(0, new Uint32Array((capacity + 31) >>> 5));
      for (let i = 0; i < list.length; i++) set.add(list.data[i]!);
      return set;
    });
    return this.byValue;
  }

  private valueLists(): GrowableUint32[] {
    return [
      ...[...this.numberKeys()].map((key) => this.numbers.get(key)!),
      ...this.stringKeys().map((key) => this.strings.get(key)!.docs),
    ];
  }

  /**
   * Per document, the indexes (into `numberKeys()` then `stringKeys()`) of its values: counting a
   * facet distribution then walks the matching documents instead of every value's posting list.
   */
  valuesByDocument(capacity: number): FacetValuesByDocument {
    if (this.byDocument && this.byDocument.offsets.length > capacity) return this.byDocument;
    const lists = this.valueLists();
    const offsets = new Int32Array(capacity + 1);
    for (const list of lists) for (let i = 0; i < list.length; i++) offsets[list.data[i]! + 1]!++;
    for (let d = 0; d < capacity; d++) offsets[d + 1]! += offsets[d]!;
    const values = new Int32Array(offsets[capacity]!);
    const cursor = offsets.slice(0, capacity);
    lists.forEach((list, value) => {
      for (let i = 0; i < list.length; i++) values[cursor[list.data[i]!]!++] = value;
    });
    this.byDocument = { offsets, values };
    return this.byDocument;
  }
}

export interface NumbersInOrder {
  values: Float64Array;
  docs: Uint32Array;
}

export interface FacetValuesByDocument {
  offsets: Int32Array;
  values: Int32Array;
}

/** Facet fields for the paths that the filterable-attribute rules select. */
export class FacetIndex {
  readonly fields = new Map<string, FacetField>();

  constructor(private readonly isFacetPath: (path: string) => boolean) {}

  addDocument(docid: number, flat: FlatDocument): void {
    for (const [path, field] of flat) {
      if (!this.isFacetPath(path)) continue;
      let facet = this.fields.get(path);
      if (!facet) {
        facet = new FacetField();
        this.fields.set(path, facet);
      }
      facet.add(docid, field.values, field.empty);
    }
  }
}
