import { Bitset } from '../engine/bitset.js';
import type { InvertedIndex } from '../engine/inverted-index.js';
import {
  fieldBit,
  forEachFieldEntry,
  POSITION_MASK,
  STARTS_RUN,
  WHOLE_RUN,
} from '../engine/inverted-index.js';
import type { TermDerivations } from './derivations.js';

export const MAX_TYPO_COST = 2;

/** The documents a query term matches, split the ways the ranking rules need. */
export interface TermDocs {
  /** `byCost[c]`: documents containing a derivation with `c` typos. */
  byCost: Bitset[];
  all: Bitset;
  /** Documents containing the query word itself (no typo, no prefix, no synonym). */
  exact: Bitset;
  /** Documents by posting field bit, for the attribute-rank rule. */
  byField: Map<number, Bitset>;
  /** Per document, the lowest position of a match (`POSITION_MASK` when none). */
  minPosition: Uint16Array;
  /** Documents where a zero-typo match opens a run / is a whole run (exactness). */
  startsRun: Bitset;
  wholeRun: Bitset;
}

export interface FieldRestriction {
  /** Field bits a match may come from. */
  mask: number;
  /** Field bits where a typo match may come from (`disableOnAttributes` removed). */
  typoMask: number;
  allows(fid: number): boolean;
}

export function computeTermDocs(
  derivations: TermDerivations,
  inverted: InvertedIndex,
  fields: FieldRestriction,
  capacity: number,
  exactPhrase: boolean,
): TermDocs {
  const docs: TermDocs = {
    byCost: Array.from({ length: MAX_TYPO_COST + 1 }, () => new Bitset(capacity)),
    all: new Bitset(capacity),
    exact: new Bitset(capacity),
    byField: new Map(),
    minPosition: new Uint16Array(capacity).fill(POSITION_MASK),
    startsRun: new Bitset(capacity),
    wholeRun: new Bitset(capacity),
  };
  const markField = (bits: number, docid: number) => {
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      const bit = rest & -rest;
      let set = docs.byField.get(bit);
      if (!set) docs.byField.set(bit, (set = new Bitset(capacity)));
      set.add(docid);
    }
  };
  for (const match of derivations.words) {
    const postings = inverted.postings[match.wordId];
    if (!postings) continue;
    const allowed = match.cost > 0 ? fields.typoMask : fields.mask;
    const ids = postings.docs.data;
    const masks = postings.masks.data;
    const infos = postings.info.data;
    for (let i = 0; i < postings.docs.length; i++) {
      const bits = masks[i]! & allowed;
      if (bits === 0) continue;
      const docid = ids[i]!;
      const info = infos[i]!;
      docs.byCost[match.cost]!.add(docid);
      docs.all.add(docid);
      if (match.exact) docs.exact.add(docid);
      if (match.cost === 0 && info & STARTS_RUN) docs.startsRun.add(docid);
      if (match.cost === 0 && info & WHOLE_RUN) docs.wholeRun.add(docid);
      if ((info & POSITION_MASK) < docs.minPosition[docid]!) docs.minPosition[docid] = info & POSITION_MASK;
      markField(bits, docid);
    }
  }
  for (const phrase of derivations.phrases) {
    for (const [docid, bits] of phraseDocs(phrase, inverted, fields, capacity)) {
      docs.byCost[0]!.add(docid);
      docs.all.add(docid);
      if (exactPhrase) docs.exact.add(docid);
      docs.minPosition[docid] = 0;
      markField(bits, docid);
    }
  }
  return docs;
}

/** Documents where the words of `phrase` stand adjacent, in order, in one allowed field. */
function phraseDocs(phrase: number[], inverted: InvertedIndex, fields: FieldRestriction, capacity: number) {
  let candidates: Bitset | undefined;
  for (const wordId of new Set(phrase)) {
    const postings = inverted.postings[wordId];
    const set = new Bitset(capacity);
    for (let i = 0; postings && i < postings.docs.length; i++) {
      if ((postings.masks.data[i]! & fields.mask) !== 0) set.add(postings.docs.data[i]!);
    }
    candidates = candidates ? candidates.and(set) : set;
  }
  const found: [number, number][] = [];
  candidates?.forEach((docid) => {
    const forward = inverted.forward[docid];
    const bits = forward ? phraseFieldBits(forward, phrase, fields) : 0;
    if (bits !== 0) found.push([docid, bits]);
  });
  return found;
}

function phraseFieldBits(forward: Int32Array, phrase: number[], fields: FieldRestriction): number {
  const seen = new Map<string, number>();
  let bits = 0;
  forEachFieldEntry(forward, (fid, wordId, position) => {
    if (!fields.allows(fid)) return;
    seen.set(`${fid}:${position}`, wordId);
    const start = position - phrase.length + 1;
    if (phrase.every((id, offset) => seen.get(`${fid}:${start + offset}`) === id)) bits |= fieldBit(fid);
  });
  return bits;
}
