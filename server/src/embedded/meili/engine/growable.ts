/** An append-only array of unsigned 32-bit integers that grows by doubling. */
export class GrowableUint32 {
  data: Uint32Array;
  length = 0;

  constructor(initialCapacity = 4) {
    this.data = new Uint32Array(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The last value pushed, or -1 when empty. */
  last(): number {
    return this.length === 0 ? -1 : this.data[this.length - 1]!;
  }

  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}
