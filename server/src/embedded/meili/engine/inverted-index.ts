import { GrowableUint32 } from './growable.js';
import type { Token } from './tokenizer.js';

/** Field-id bit used in posting masks; fields past the 31st share the last bit. */
export const fieldBit = (fid: number): number => (fid < 31 ? 1 << fid : 1 << 31);

export interface Postings {
  docs: GrowableUint32;
  /** For each doc, the OR of `fieldBit` of the fields where the word occurs. */
  masks: GrowableUint32;
  /** For each doc, `minPosition | flags` (see `POSITION_MASK`, `STARTS_RUN`, `WHOLE_RUN`). */
  info: GrowableUint32;
}

/** Lowest position of the word in any field, capped. */
export const POSITION_MASK = 0xffff;
/** The word opens a run (a field value, or a sentence after a hard separator). */
export const STARTS_RUN = 1 << 16;
/** The word is a whole run by itself. */
export const WHOLE_RUN = 1 << 17;

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

/**
 * Word → documents posting lists, plus a forward index (document → its words in order per field)
 * from which proximity, positions and exactness are computed for the few buckets that need them.
 *
 * Forward entries, per field: `fid, n, e1..en`, where a word id advances the position by one and a
 * negative entry `-g` advances it by `g` without a word.
 */
export class InvertedIndex {
  constructor(readonly vocabulary = new Vocabulary()) {}

  readonly postings: Postings[] = [];
  readonly forward: (Int32Array | undefined)[] = [];

  indexDocument(docid: number, fields: FieldTokens[]): void {
    const entries: number[] = [];
    for (const { fid, values } of fields) {
      const headerAt = entries.length;
      entries.push(fid, 0);
      let position = -1;
      for (const tokens of values) {
        for (const token of tokens) {
          if (token.position > position + 1) entries.push(position + 1 - token.position);
          entries.push(this.vocabulary.intern(token.word));
          position = token.position;
        }
      }
      entries[headerAt + 1] = entries.length - headerAt - 2;
    }
    this.repostDocument(docid, Int32Array.from(entries));
  }

  /** Post a tokenised document (its forward entries) under `docid`. */
  repostDocument(docid: number, forward: Int32Array): void {
    const slots = new Map<number, number>();
    const masks: number[] = [];
    const infos: number[] = [];
    forEachRun(forward, (fid, words, positions) => {
      words.forEach((wordId, i) => {
        let slot = slots.get(wordId);
        if (slot === undefined) {
          slot = masks.length;
          slots.set(wordId, slot);
          masks.push(0);
          infos.push(POSITION_MASK);
        }
        masks[slot]! |= fieldBit(fid);
        const flags = (i === 0 ? STARTS_RUN : 0) | (words.length === 1 ? WHOLE_RUN : 0);
        const position = Math.min(positions[i]!, infos[slot]! & POSITION_MASK, POSITION_MASK);
        infos[slot] = (infos[slot]! & ~POSITION_MASK) | flags | position;
      });
    });
    this.forward[docid] = forward;
    for (const [wordId, slot] of slots) this.addPosting(wordId, docid, masks[slot]!, infos[slot]!);
  }

  forget(docid: number): void {
    this.forward[docid] = undefined;
  }

  private addPosting(wordId: number, docid: number, mask: number, info: number): void {
    let postings = this.postings[wordId];
    if (!postings) {
      postings = { docs: new GrowableUint32(2), masks: new GrowableUint32(2), info: new GrowableUint32(2) };
      this.postings[wordId] = postings;
    }
    postings.docs.push(docid);
    postings.masks.push(mask);
    postings.info.push(info);
  }
}

/** Calls `visit(fid, wordId, position)` for every word of a forward entry, in order. */
export function forEachFieldEntry(
  forward: Int32Array,
  visit: (fid: number, wordId: number, position: number) => void,
): void {
  let i = 0;
  while (i < forward.length) {
    const fid = forward[i]!;
    const end = i + 2 + forward[i + 1]!;
    let position = -1;
    for (i += 2; i < end; i++) {
      const entry = forward[i]!;
      if (entry < 0) position -= entry;
      else visit(fid, entry, ++position);
    }
  }
}

/** A run ends at a gap this large: a new value of an array field, or a hard separator. */
export const RUN_BREAK_GAP = 7;

/** Calls `visit(fid, wordIds, positions)` for each run of consecutive words of each field. */
export function forEachRun(
  forward: Int32Array,
  visit: (fid: number, words: number[], positions: number[]) => void,
): void {
  let i = 0;
  while (i < forward.length) {
    const fid = forward[i]!;
    const end = i + 2 + forward[i + 1]!;
    let position = -1;
    let words: number[] = [];
    let positions: number[] = [];
    for (i += 2; i < end; i++) {
      const entry = forward[i]!;
      if (entry >= 0) {
        words.push(entry);
        positions.push(++position);
        continue;
      }
      position -= entry;
      if (-entry >= RUN_BREAK_GAP && words.length) {
        visit(fid, words, positions);
        words = [];
        positions = [];
      }
    }
    if (words.length) visit(fid, words, positions);
  }
}
