import { Bitset } from '../engine/bitset.js';
import { scratchUint16 } from '../engine/scratch.js';
import type { InvertedIndex } from '../engine/inverted-index.js';
import {
  CLOSES_RUN,
  fieldBit,
  findPosting,
  OCCURRENCE_KEY,
  occurrenceFid,
  occurrencesAt,
  OPENS_RUN,
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
  universe: Bitset,
  exactPhrase: boolean,
): TermDocs {
  const capacity = universe.capacity;
  const docs: TermDocs = {
    byCost: Array.from({ length: MAX_TYPO_COST + 1 }, () => new Bitset(capacity)),
    all: new Bitset(capacity),
    exact: new Bitset(capacity),
    byField: new Map(),
    minPosition: scratchUint16(capacity).fill(POSITION_MASK),
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
      const docid = ids[i]!;
      const bits = masks[i]! & allowed;
      if (bits === 0 || !universe.has(docid)) continue;
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
    for (const [docid, bits] of phraseDocs(phrase, inverted, fields, universe)) {
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
function phraseDocs(phrase: number[], inverted: InvertedIndex, fields: FieldRestriction, universe: Bitset) {
  const lists = phrase.map((wordId) => inverted.postings[wordId]);
  let candidates: Bitset = universe;
  for (const postings of lists) {
    const set = new Bitset(universe.capacity);
    for (let i = 0; postings && i < postings.docs.length; i++) {
      if ((postings.masks.data[i]! & fields.mask) !== 0) set.add(postings.docs.data[i]!);
    }
    candidates = candidates.and(set);
  }
  const found: [number, number][] = [];
  candidates.forEach((docid) => {
    const occurrences = lists.map((postings) => occurrencesAt(postings!, findPosting(postings!, docid)));
    const bits = phraseStarts(occurrences, fields).reduce(
      (mask, start) => mask | fieldBit(occurrenceFid(start)),
      0,
    );
    if (bits !== 0) found.push([docid, bits]);
  });
  return found;
}

/**
 * Occurrences (of the first word) where every word of a phrase follows at the next position,
 * carrying the first word's run-opening flag and the last word's run-closing flag.
 */
export function phraseStarts(occurrences: Uint32Array[], fields: FieldRestriction): number[] {
  const [first = new Uint32Array(0), ...rest] = occurrences;
  const starts: number[] = [];
  for (const start of first) {
    const key = start & OCCURRENCE_KEY;
    if (!fields.allows(occurrenceFid(start))) continue;
    const followers = rest.map((list, i) => list.find((o) => (o & OCCURRENCE_KEY) === key + i + 1));
    if (followers.some((o) => o === undefined)) continue;
    const last = followers.length ? followers[followers.length - 1]! : start;
    starts.push((start & (OCCURRENCE_KEY | OPENS_RUN)) + (last >= CLOSES_RUN ? CLOSES_RUN : 0));
  }
  return starts;
}
