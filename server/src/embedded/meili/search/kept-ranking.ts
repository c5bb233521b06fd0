import type { Bitset } from '../engine/bitset.js';
import type { RankedHit } from './bucket-sort.js';

/**
 * The documents a query matches in rank order, packed: a document id and the index of its rank group
 * (the documents of a group share their ranks and score details), about six bytes a document.
 */
export class KeptRanking {
  private readonly docids: Int32Array;
  private readonly groupOf: Uint16Array | Uint32Array;
  private readonly groups: Pick<RankedHit, 'ranks' | 'details'>[] = [];

  constructor(hits: readonly RankedHit[]) {
    const indexOf = new Map<RankedHit['ranks'], number>();
    const groupIndex = hits.map((hit) => {
      let index = indexOf.get(hit.ranks);
      if (index === undefined) {
        index = this.groups.push({ ranks: hit.ranks, details: hit.details }) - 1;
        indexOf.set(hit.ranks, index);
      }
      return index;
    });
    this.docids = Int32Array.from(hits, (hit) => hit.docid);
    this.groupOf = this.groups.length <= 0xffff ? Uint16Array.from(groupIndex) : Uint32Array.from(groupIndex);
  }

  get size(): number {
    return this.docids.length;
  }

  /** The window `[offset, offset + limit)` of the ranked documents that are in `candidates`. */
  window(candidates: Bitset, offset: number, limit: number): RankedHit[] {
    const hits: RankedHit[] = [];
    let skip = offset;
    for (let i = 0; i < this.docids.length && hits.length < limit; i++) {
      const docid = this.docids[i]!;
      if (!candidates.has(docid)) continue;
      if (skip > 0) skip--;
      else hits.push({ docid, ...this.groups[this.groupOf[i]!]! });
    }
    return hits;
  }
}
