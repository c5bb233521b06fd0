import { GrowableUint32 } from './growable.js';
import type { Postings } from './inverted-index.js';
import { InvertedIndex, Vocabulary } from './inverted-index.js';

/**
 * Posting lists as one flat `Uint32Array`, so a snapshot can be reloaded without tokenising again:
 * `[words, postings, occurrences, postingCounts…, occurrenceCounts…, docs…, masks…, info…,
 * offsets…, occurrences…]`, offsets being relative to the word's first occurrence.
 */
export function encodePostings(index: InvertedIndex): Uint32Array {
  const words = index.vocabulary.size;
  const lists = Array.from({ length: words }, (_, wordId) => index.postings[wordId]);
  const postings = lists.reduce((sum, list) => sum + (list?.docs.length ?? 0), 0);
  const occurrences = lists.reduce((sum, list) => sum + (list?.occurrences.length ?? 0), 0);
  const out = new Uint32Array(3 + 2 * words + 4 * postings + occurrences);
  out.set([words, postings, occurrences]);
  let cursor = 3;
  const write = (values: ArrayLike<number>) => {
    out.set(values, cursor);
    cursor += values.length;
  };
  write(lists.map((list) => list?.docs.length ?? 0));
  write(lists.map((list) => list?.occurrences.length ?? 0));
  for (const field of ['docs', 'masks', 'info', 'offsets', 'occurrences'] as const) {
    for (const list of lists) if (list) write(list[field].view());
  }
  return out;
}

function growableOf(values: Uint32Array): GrowableUint32 {
  const list = new GrowableUint32(Math.max(values.length, 2));
  list.data.set(values);
  list.length = values.length;
  return list;
}

export function decodePostings(words: string[], encoded: Uint32Array): InvertedIndex {
  const vocabulary = new Vocabulary();
  for (const word of words) vocabulary.intern(word);
  const [wordCount = 0, postingTotal = 0] = encoded;
  if (wordCount !== words.length) throw new Error('posting snapshot does not match its vocabulary');
  const postingCounts = encoded.subarray(3, 3 + wordCount);
  const occurrenceCounts = encoded.subarray(3 + wordCount, 3 + 2 * wordCount);
  const sections = 3 + 2 * wordCount;
  const section = (index: number) => encoded.subarray(sections + index * postingTotal);
  const cursors = [0, 0, 0, 0, 0];
  const take = (index: number, count: number) =>
    section(index).subarray(cursors[index]!, (cursors[index]! += count));
  const index = new InvertedIndex(vocabulary);
  for (let wordId = 0; wordId < wordCount; wordId++) {
    const count = postingCounts[wordId]!;
    const postings: Postings = {
      docs: growableOf(take(0, count)),
      masks: growableOf(take(1, count)),
      info: growableOf(take(2, count)),
      offsets: growableOf(take(3, count)),
      occurrences: growableOf(take(4, occurrenceCounts[wordId]!)),
    };
    if (count) index.postings[wordId] = postings;
  }
  return index;
}
