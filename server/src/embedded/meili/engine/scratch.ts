/**
 * Reusable typed-array buffers for the duration of one search. A search over 100k documents
 * needs a few megabytes of bitsets and per-document arrays; allocating fresh ArrayBuffers for each
 * request makes V8 run full garbage collections over the whole index heap, so buffers taken inside
 * `withScratch` go back to a free list when it returns. Searches are synchronous, so one arena
 * serves them all.
 */
type Kind = 'u32' | 'u8' | 'i32';
type Buffer = Uint32Array | Uint8Array | Int32Array;

const free = new Map<string, Buffer[]>();
let taken: [string, Buffer][] | undefined;

/** Buffers are pooled by power-of-two size, so a handful of size classes serve every request. */
function take<T extends Buffer>(kind: Kind, length: number, create: (n: number) => T): T {
  if (!taken) return create(length);
  const size = 2 ** Math.max(6, Math.ceil(Math.log2(length || 1)));
  const key = `${kind}:${size}`;
  const buffer = (free.get(key)?.pop() as T | undefined) ?? create(size);
  taken.push([key, buffer]);
  const view = buffer.subarray(0, length) as T;
  view.fill(0);
  return view;
}

export const scratchUint32 = (length: number) => take('u32', length, (n) => new Uint32Array(n));
export const scratchUint8 = (length: number) => take('u8', length, (n) => new Uint8Array(n));
export const scratchInt32 = (length: number) => take('i32', length, (n) => new Int32Array(n));

/** Run `work` with scratch buffers; they must not outlive it. */
export function withScratch<T>(work: () => T): T {
  if (taken) return work();
  taken = [];
  try {
    return work();
  } finally {
    for (const [key, buffer] of taken) {
      const list = free.get(key) ?? [];
      if (list.length < 32) list.push(buffer);
      free.set(key, list);
    }
    taken = undefined;
  }
}

/** Run `work` with ordinary allocations, for results that outlive the search (caches). */
export function outsideScratch<T>(work: () => T): T {
  const saved = taken;
  taken = undefined;
  try {
    return work();
  } finally {
    taken = saved;
  }
}
