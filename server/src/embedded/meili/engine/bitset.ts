import { scratchUint32 } from './scratch.js';

/** A fixed-capacity set of internal document ids, one bit per id. */
export class Bitset {
  readonly words: Uint32Array;

  constructor(capacity: number, words?: Uint32Array) {
    this.words = words ?? scratchUint32((capacity + 31) >>> 5);
  }

  get capacity(): number {
    return this.words.length << 5;
  }

  static of(capacity: number, ids: Iterable<number>): Bitset {
    const set = new Bitset(capacity);
    for (const id of ids) set.add(id);
    return set;
  }

  add(id: number): void {
    this.words[id >>> 5]! |= 1 << (id & 31);
  }

  remove(id: number): void {
    const index = id >>> 5;
    if (index < this.words.length) this.words[index]! &= ~(1 << (id & 31));
  }

  has(id: number): boolean {
    const index = id >>> 5;
    return index < this.words.length && (this.words[index]! & (1 << (id & 31))) !== 0;
  }

  clone(): Bitset {
    const words = scratchUint32(this.words.length);
    words.set(this.words);
    return new Bitset(0, words);
  }

  /** Copy into a set able to hold `capacity` ids (for a set that must grow). */
  resized(capacity: number): Bitset {
    const next = new Bitset(capacity);
    next.words.set(this.words.subarray(0, Math.min(this.words.length, next.words.length)));
    return next;
  }

  and(other: Bitset): Bitset {
    const out = new Bitset(this.capacity);
    const n = Math.min(this.words.length, other.words.length);
    for (let i = 0; i < n; i++) out.words[i] = this.words[i]! & other.words[i]!;
    return out;
  }

  or(other: Bitset): Bitset {
    const out = this.resized(Math.max(this.capacity, other.capacity));
    const n = other.words.length;
    for (let i = 0; i < n; i++) out.words[i]! |= other.words[i]!;
    return out;
  }

  andNot(other: Bitset): Bitset {
    const out = this.clone();
    const n = Math.min(out.words.length, other.words.length);
    for (let i = 0; i < n; i++) out.words[i]! &= ~other.words[i]!;
    return out;
  }

  orInPlace(other: Bitset): void {
    const n = Math.min(this.words.length, other.words.length);
    for (let i = 0; i < n; i++) this.words[i]! |= other.words[i]!;
  }

  count(): number {
    let total = 0;
    for (let i = 0; i < this.words.length; i++) total += popcount(this.words[i]!);
    return total;
  }

  /** The size of the intersection, without building it. */
  andCount(other: Bitset): number {
    let total = 0;
    const n = Math.min(this.words.length, other.words.length);
    for (let i = 0; i < n; i++) total += popcount(this.words[i]! & other.words[i]!);
    return total;
  }

  isEmpty(): boolean {
    for (let i = 0; i < this.words.length; i++) if (this.words[i] !== 0) return false;
    return true;
  }

  /** Ids in ascending order. */
  toArray(): number[] {
    const ids: number[] = [];
    this.forEach((id) => ids.push(id));
    return ids;
  }

  forEach(visit: (id: number) => void): void {
    for (let i = 0; i < this.words.length; i++) {
      let word = this.words[i]!;
      while (word !== 0) {
        const low = word & -word;
        visit((i << 5) + (31 - Math.clz32(low)));
        word ^= low;
      }
    }
  }
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
