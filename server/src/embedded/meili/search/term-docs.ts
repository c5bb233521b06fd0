import { Bitset } from '../engine/bitset.js';
import { scratchUint8 } from '../engine/scratch.js';
import type { InvertedIndex, Postings } from '../engine/inverted-index.js';
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
import type { TermDerivations, WordMatch } from './derivations.js';

export const MAX_TYPO_COST = 2;

/** The documents a query term matches, split the ways the ranking rules need. */
export interface TermDocs {
  /** `byCost[c]`: documents containing a derivation with `c` typos. */
  byCost: Bitset[];
  all: Bitset;
  /** Documents containing the query word itself (no typo, no prefix, no synonym). */
  exact: Bitset;
  /** Documents by posting field-bit index (`fieldBit`'s exponent), for the attribute-rank rule. */
  byField: (Bitset | undefined)[];
  /** Per document, the `positionBucket` of its lowest match position (`MAX_POSITION_BUCKET` when none). */
  positionBucket: Uint8Array;
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

/**
 * The attribute-position rule ranks by how early a term appears: the first eight positions each count, later
 * ones by powers of two. Only the bucket is kept per document (a byte: cached terms stay small).
 */
export const MAX_POSITION_BUCKET = 15;
const POSITION_BUCKETS = Uint8Array.from({ length: POSITION_MASK + 1 }, (_, position) =>
  position < 8 ? position : Math.min(MAX_POSITION_BUCKET, 8 + Math.floor(Math.log2(position - 7))),
);

export function computeTermDocs(
  derivations: TermDerivations,
  inverted: InvertedIndex,
  fields: FieldRestriction,
  universe: Bitset,
  exactPhrase: boolean,
): TermDocs {
  const capacity = universe.capacity;
  const all = new Bitset(capacity);
  const costs = new Set([
    ...derivations.words.map((match) => match.cost),
    ...(derivations.phrases.length ? [0] : []),
  ]);
  const onlyExact =
    derivations.words.every((match) => match.exact) && (exactPhrase || !derivations.phrases.length);
  // With a single cost class (the norm for Chinese words) the per-cost and exact sets are `all` itself.
  const empty = new Bitset(capacity);
  const costSet = (cost: number) =>
    !costs.has(cost) ? empty : costs.size === 1 ? all : new Bitset(capacity);
  const docs: TermDocs = {
    byCost: Array.from({ length: MAX_TYPO_COST + 1 }, (_, cost) => costSet(cost)),
    all,
    exact: onlyExact ? all : new Bitset(capacity),
    byField: [],
    positionBucket: scratchUint8(capacity).fill(MAX_POSITION_BUCKET),
    startsRun: new Bitset(capacity),
    wholeRun: new Bitset(capacity),
  };
  const markField = (bits: number, docid: number) => {
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      const index = 31 - Math.clz32(rest & -rest);
      (docs.byField[index] ??= new Bitset(capacity)).add(docid);
    }
  };
  const add = (docid: number, cost: number, exact: boolean) => {
    all.add(docid);
    if (docs.byCost[cost] !== all) docs.byCost[cost]!.add(docid);
    if (exact && docs.exact !== all) docs.exact.add(docid);
  };
  for (const match of derivations.words) {
    const postings = inverted.postings[match.wordId];
    if (postings)
      addPostings(docs, postings, match.cost > 0 ? fields.typoMask : fields.mask, match, universe);
  }
  for (const phrase of derivations.phrases) {
    for (const [docid, bits] of phraseDocs(phrase, inverted, fields, universe)) {
      add(docid, 0, exactPhrase);
      docs.positionBucket[docid] = 0;
      markField(bits, docid);
    }
  }
  return docs;
}

/**
 * The hot loop of a search: fold one derivation's postings into the term's sets. Bit operations
 * are written out on the sets' words because this runs once per posting of every query word.
 */
function addPostings(
  docs: TermDocs,
  postings: Postings,
  allowed: number,
  match: WordMatch,
  universe: Bitset,
): void {
  const { docs: ids, masks, info: infos } = postings;
  const inUniverse = universe.words;
  const all = docs.all.words;
  const byCost = docs.byCost[match.cost]!.words;
  const exact = match.exact ? docs.exact.words : undefined;
  const starts = match.cost === 0 ? docs.startsRun.words : undefined;
  const wholes = match.cost === 0 ? docs.wholeRun.words : undefined;
  const buckets = docs.positionBucket;
  for (let i = 0; i < ids.length; i++) {
    const docid = ids.data[i]!;
    const word = docid >>> 5;
    const bit = 1 << (docid & 31);
    const fields = masks.data[i]! & allowed;
    if (fields === 0 || (inUniverse[word]! & bit) === 0) continue;
    const info = infos.data[i]!;
    all[word]! |= bit;
    byCost[word]! |= bit;
    if (exact) exact[word]! |= bit;
    if (starts && info & STARTS_RUN) starts[word]! |= bit;
    if (wholes && info & WHOLE_RUN) wholes[word]! |= bit;
    const bucket = POSITION_BUCKETS[info & POSITION_MASK]!;
    if (bucket < buckets[docid]!) buckets[docid] = bucket;
    for (let rest = fields; rest !== 0; rest &= rest - 1) {
      const index = 31 - Math.clz32(rest & -rest);
      (docs.byField[index] ??= new Bitset(universe.capacity)).words[word]! |= bit;
    }
  }
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
