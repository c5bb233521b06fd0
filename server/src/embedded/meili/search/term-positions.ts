import type { InvertedIndex, Postings } from '../engine/inverted-index.js';
import { findPosting, OCCURRENCE_KEY, occurrenceFid, occurrencesAt } from '../engine/inverted-index.js';
import { scratchInt32, scratchUint32 } from '../engine/scratch.js';
import type { TermDerivations } from './derivations.js';
import type { FieldRestriction } from './term-docs.js';
import { phraseStarts } from './term-docs.js';

const NONE = new Uint32Array(0);
const byKey = (a: number, b: number) => (a & OCCURRENCE_KEY) - (b & OCCURRENCE_KEY);

/** Calls `visit(index in docs, posting index)` for each of the (sorted) `docs` in the postings. */
function forEachPostingOf(
  postings: Postings,
  docs: readonly number[],
  visit: (doc: number, posting: number) => void,
): void {
  const ids = postings.docs.data;
  const length = postings.docs.length;
  let p = 0;
  for (let d = 0; d < docs.length && p < length; d++) {
    const docid = docs[d]!;
    if (ids[p]! < docid) {
      // gallop, then binary search: the bucket is usually much smaller than the posting list
      let step = 1;
      while (p + step < length && ids[p + step]! < docid) step *= 2;
      let low = p + (step >> 1);
      let high = Math.min(p + step, length - 1);
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (ids[mid]! < docid) low = mid + 1;
        else high = mid;
      }
      p = low;
    }
    if (ids[p] === docid) visit(d, p);
  }
}

/**
 * Occurrences of one query term (allowed fields only, sorted by field then position) for the
 * sorted documents `docs`, gathered from its derivations' postings so that proximity and
 * exactness never scan whole documents.
 */
export function buildTermPositions(
  derivations: TermDerivations,
  inverted: InvertedIndex,
  fields: FieldRestriction,
  docs: readonly number[],
): (docid: number) => Uint32Array {
  // Each derivation's posting of each document, found once for the counting and the filling pass.
  const wordPostings = derivations.words.flatMap((match) => inverted.postings[match.wordId] ?? []);
  const postingAt = wordPostings.map((postings) => {
    const at = scratchInt32(docs.length).fill(-1);
    forEachPostingOf(postings, docs, (d, p) => (at[d] = p));
    return at;
  });
  const visit = (emit: (d: number, occurrence: number) => void) => {
    wordPostings.forEach((postings, w) => {
      const at = postingAt[w]!;
      const { offsets, occurrences } = postings;
      for (let d = 0; d < docs.length; d++) {
        const p = at[d]!;
        if (p < 0) continue;
        const end = p + 1 < postings.docs.length ? offsets.data[p + 1]! : occurrences.length;
        for (let o = offsets.data[p]!; o < end; o++) {
          const occurrence = occurrences.data[o]!;
          if (fields.allows(occurrenceFid(occurrence))) emit(d, occurrence);
        }
      }
    });
    for (const phrase of derivations.phrases) {
      const postings = phrase.map((wordId) => inverted.postings[wordId]);
      if (postings.some((list) => !list)) continue;
      docs.forEach((docid, d) => {
        const indices = postings.map((list) => findPosting(list!, docid));
        if (indices.some((index) => index < 0)) return;
        for (const start of phraseStarts(
          indices.map((index, w) => occurrencesAt(postings[w]!, index)),
          fields,
        ))
          emit(d, start);
      });
    }
  };
  const starts = scratchInt32(docs.length + 1);
  visit((d) => starts[d + 1]!++);
  for (let d = 0; d < docs.length; d++) starts[d + 1]! += starts[d]!;
  const values = scratchUint32(starts[docs.length]!);
  const cursor = scratchInt32(docs.length);
  cursor.set(starts.subarray(0, docs.length));
  visit((d, occurrence) => (values[cursor[d]!++] = occurrence));
  const slice = (d: number) => values.subarray(starts[d]!, starts[d + 1]!);
  if (derivations.words.length + derivations.phrases.length > 1) {
    for (let d = 0; d < docs.length; d++) if (starts[d + 1]! - starts[d]! > 1) slice(d).sort(byKey);
  }
  // The rules ask in document order, so the next document is usually the one after the last found.
  let last = 0;
  return (docid) => {
    if (docs[last] === docid) return slice(last);
    if (docs[last + 1] === docid) return slice(++last);
    let low = 0;
    let high = docs.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (docs[mid] === docid) return slice((last = mid));
      if (docs[mid]! < docid) low = mid + 1;
      else high = mid - 1;
    }
    return NONE;
  };
}
