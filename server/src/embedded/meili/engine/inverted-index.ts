import { GrowableUint32 } from './growable.js';
import type { Token } from './tokenizer.js';

/** Field-id bit used in posting masks; fields past the 31st share the last bit. */
export const fieldBit = (fid: number): number => (fid < 31 ? 1 << fid : 1 << 31);

/** Lowest position of the word in any field, capped (posting `info`). */
export const POSITION_MASK = 0xffff;
/** The word opens a run: a field value, or a sentence after a hard separator (posting `info`). */
export const STARTS_RUN = 1 << 16;
/** The word is a whole run by itself (posting `info`). */
export const WHOLE_RUN = 1 << 17;

/**
 * An occurrence packs `fid << 20 | position` in its low 30 bits (so occurrences sort by field,
 * then position) and two flags: the occurrence opens / closes a run.
 */
export const OCCURRENCE_KEY = 0x3fffffff;
export const OPENS_RUN = 1 << 30;
export const CLOSES_RUN = 2 ** 31;
export const occurrenceFid = (occurrence: number): number => (occurrence & OCCURRENCE_KEY) >>> 20;

/** Word positions jump by at least this much between runs (array values, hard separators). */
export const RUN_BREAK_GAP = 7;

/**
 * The postings of one word: the documents containing it, in increasing internal id, with per
 * document the fields (mask), summary position data (info) and the slice of `occurrences`.
 */
export interface Postings {
  docs: GrowableUint32;
  masks: GrowableUint32;
  info: GrowableUint32;
  /** `offsets[i]` = start of document i's occurrences (the next entry's start ends them). */
  offsets: GrowableUint32;
  occurrences: GrowableUint32;
}

/** Every distinct normalised word, with a lazily sorted view for prefix look-ups. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  private sorted: Uint32Array | undefined;

  get size(): number {
    return this.words.length;
  }

  find(word: string): number | undefined {
    return this.ids.get(word);
  }

  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.sorted = undefined;
    }
    return id;
  }

  /** Ids of the words that start with `prefix`, in lexicographic order. */
  withPrefix(prefix: string): Uint32Array {
    const sorted = this.sortedIds();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.words[sorted[mid]!]! < prefix) low = mid + 1;
      else high = mid;
    }
    let end = low;
    while (end < sorted.length && this.words[sorted[end]!]!.startsWith(prefix)) end++;
    return sorted.subarray(low, end);
  }

  private sortedIds(): Uint32Array {
    if (!this.sorted) {
      const ids = Uint32Array.from(this.words.keys());
      const words = this.words;
      ids.sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
      this.sorted = ids;
    }
    return this.sorted;
  }
}

/** Tokens of one field of one document: each value of an array is one list. */
export interface FieldTokens {
  fid: number;
  values: Token[][];
}

interface WordInDocument {
  mask: number;
  info: number;
  occurrences: number[];
}

/** Word → documents posting lists with positions: everything the ranking rules read. */
export class InvertedIndex {
  readonly postings: Postings[] = [];

  constructor(readonly vocabulary = new Vocabulary()) {}

  indexDocument(docid: number, fields: FieldTokens[]): void {
    const words = new Map<number, WordInDocument>();
    for (const { fid, values } of fields) {
      for (const tokens of values) {
        forEachRunOf(tokens, (run) => this.collectRun(fid, run, words));
      }
    }
    for (const [wordId, word] of words) this.addPosting(wordId, docid, word);
  }

  private collectRun(fid: number, run: Token[], words: Map<number, WordInDocument>): void {
    run.forEach((token, i) => {
      const wordId = this.vocabulary.intern(token.word);
      let word = words.get(wordId);
      if (!word) words.set(wordId, (word = { mask: 0, info: POSITION_MASK, occurrences: [] }));
      word.mask |= fieldBit(fid);
      const flags = (i === 0 ? STARTS_RUN : 0) | (run.length === 1 ? WHOLE_RUN : 0);
      word.info = (word.info & ~POSITION_MASK) | flags | Math.min(token.position, word.info & POSITION_MASK);
      const occurrence = ((Math.min(fid, 1023) << 20) | Math.min(token.position, 0xfffff)) >>> 0;
      word.occurrences.push(occurrence + (i === 0 ? OPENS_RUN : 0) + (i === run.length - 1 ? CLOSES_RUN : 0));
    });
  }

  private addPosting(wordId: number, docid: number, word: WordInDocument): void {
    let postings = this.postings[wordId];
    if (!postings) {
      const list = () => new GrowableUint32(2);
      postings = { docs: list(), masks: list(), info: list(), offsets: list(), occurrences: list() };
      this.postings[wordId] = postings;
    }
    postings.docs.push(docid);
    postings.masks.push(word.mask);
    postings.info.push(word.info);
    postings.offsets.push(postings.occurrences.length);
    word.occurrences.sort((a, b) => (a & OCCURRENCE_KEY) - (b & OCCURRENCE_KEY));
    for (const occurrence of word.occurrences) postings.occurrences.push(occurrence);
  }

  /**
   * A copy keeping only the documents `remap` maps (old id → new id, or -1), for compaction.
   * New ids must preserve the old order so that posting lists stay sorted.
   */
  remapped(remap: Int32Array): InvertedIndex {
    const next = new InvertedIndex(this.vocabulary);
    this.postings.forEach((postings, wordId) => {
      for (let i = 0; i < postings.docs.length; i++) {
        const docid = remap[postings.docs.data[i]!] ?? -1;
        if (docid < 0) continue;
        const from = postings.offsets.data[i]!;
        const to = i + 1 < postings.docs.length ? postings.offsets.data[i + 1]! : postings.occurrences.length;
        const occurrences = Array.from(postings.occurrences.data.subarray(from, to));
        next.addPosting(wordId, docid, {
          mask: postings.masks.data[i]!,
          info: postings.info.data[i]!,
          occurrences,
        });
      }
    });
    return next;
  }
}

/** Occurrences of a posting entry `i` (a view, no copy). */
export function occurrencesAt(postings: Postings, i: number): Uint32Array {
  const from = postings.offsets.data[i]!;
  const to = i + 1 < postings.docs.length ? postings.offsets.data[i + 1]! : postings.occurrences.length;
  return postings.occurrences.data.subarray(from, to);
}

/** Index of `docid` in a posting list (binary search), or -1. */
export function findPosting(postings: Postings, docid: number): number {
  let low = 0;
  let high = postings.docs.length - 1;
  const docs = postings.docs.data;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = docs[mid]!;
    if (value === docid) return mid;
    if (value < docid) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Split a value's tokens into runs at hard-separator gaps. */
function forEachRunOf(tokens: Token[], visit: (run: Token[]) => void): void {
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.position - tokens[i - 1]!.position >= RUN_BREAK_GAP) {
      if (i > start) visit(tokens.slice(start, i));
      start = i;
    }
  }
}
