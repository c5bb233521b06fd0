import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** A word of a text: its normalised form, where it stands in the original string and its position. */
export interface Token {
  word: string;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** Word position: +1 per word, +8 across a hard separator, as Meilisearch counts proximity. */
  position: number;
}

export interface TokenizerConfig {
  dictionary: readonly string[];
  separatorTokens: readonly string[];
  nonSeparatorTokens: readonly string[];
}

export const HARD_SEPARATOR_GAP = 8;
const HAN = /\p{Script=Han}/u;
const HARD_SEPARATOR = /[.;!?\n\r\u3002\uff01\uff1f\uff1b\u2026]/u;
const ASCII = /^\p{ASCII}*$/u;
const HAN_ONLY = /^[\u4e00-\u9fff]+$/;
const MARKS = /\p{M}/gu;
/** Texts whose tokens `tokenizeStored` keeps: a few megabytes, enough for the hits of the popular queries. */
const STORED_TEXT_CACHE_SIZE = 4_096;

let sharedJieba: Jieba | undefined;

/** jieba with its default dictionary, loaded once per process (about 200 ms). */
function jieba(): Jieba {
  sharedJieba ??= Jieba.withDict(dict);
  return sharedJieba;
}

/** Lowercase, compatibility-decompose and strip accents, as charabia's lossy normalisers do. */
export function normalizeWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  if (HAN_ONLY.test(word)) return word;
  return word.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Piece {
  text: string;
  start: number;
  whole: boolean;
}

/**
 * Splits text into words the way Meilisearch's charabia does for Chinese and Latin scripts:
 * user dictionary words are kept whole, the rest goes through jieba `cut` without HMM, and
 * non-Han pieces are split into letter/digit runs.
 */
export class Tokenizer {
  private readonly dictionaryByFirstChar = new Map<string, string[]>();
  private readonly wordPattern: RegExp;
  private readonly separatorPattern: RegExp | undefined;
  private readonly storedTexts = new Map<string, readonly Token[]>();

  constructor(config: TokenizerConfig) {
    for (const entry of config.dictionary) {
      const key = entry.toLowerCase();
      const first = key[0];
      if (first === undefined) continue;
      const list = this.dictionaryByFirstChar.get(first) ?? [];
      list.push(key);
      this.dictionaryByFirstChar.set(first, list);
    }
    for (const list of this.dictionaryByFirstChar.values()) list.sort((a, b) => b.length - a.length);
    const extraWordChars = config.nonSeparatorTokens.map(escapeRegExp);
    this.wordPattern = new RegExp(`(?:${[...extraWordChars, '[\\p{L}\\p{N}\\p{M}]'].join('|')})+`, 'gu');
    this.separatorPattern = config.separatorTokens.length
      ? new RegExp(config.separatorTokens.map(escapeRegExp).join('|'), 'gu')
      : undefined;
  }

  tokenize(text: string, firstPosition = 0): Token[] {
    const tokens: Token[] = [];
    let position = firstPosition - 1;
    let previousEnd = 0;
    const emit = (raw: string, start: number) => {
      const word = normalizeWord(raw);
      if (!word) return;
      const gap = text.slice(previousEnd, start);
      position += position < firstPosition || !HARD_SEPARATOR.test(gap) ? 1 : HARD_SEPARATOR_GAP;
      tokens.push({ word, start, end: start + raw.length, position });
      previousEnd = start + raw.length;
    };
    for (const piece of this.splitOnDictionary(text)) {
      if (piece.whole) emit(piece.text, piece.start);
      else this.segment(piece, emit);
    }
    return tokens;
  }

  /**
   * The tokens of a stored document's text, for highlighting and cropping hits. The same hits come back
   * query after query, and segmenting them again dominated search time, so the most recently used texts
   * keep their tokens. The cache lives and dies with this tokenizer, i.e. with the index's settings.
   */
  tokenizeStored(text: string): readonly Token[] {
    const cached = this.storedTexts.get(text);
    if (cached) {
      this.storedTexts.delete(text);
      this.storedTexts.set(text, cached);
      return cached;
    }
    const tokens = this.tokenize(text);
    this.storedTexts.set(text, tokens);
    if (this.storedTexts.size > STORED_TEXT_CACHE_SIZE) {
      this.storedTexts.delete(this.storedTexts.keys().next().value as string);
    }
    return tokens;
  }

  /**
   * Tokenise several texts with one jieba call (their concatenation), which is much cheaper than
   * one native call per short value; positions restart at 0 for each text.
   */
  tokenizeMany(texts: readonly string[]): Token[][] {
    const out: Token[][] = texts.map(() => []);
    let index = 0;
    let base = 0;
    let first: Token | undefined;
    for (const token of this.tokenize(texts.join('\n'))) {
      while (token.start >= base + texts[index]!.length) {
        base += texts[index]!.length + 1;
        index++;
        first = undefined;
      }
      first ??= token;
      out[index]!.push({
        word: token.word,
        start: token.start - base,
        end: token.end - base,
        position: token.position - first.position,
      });
    }
    return out;
  }

  /** jieba segments Han text; the non-Han runs between (re-joined, since jieba splits them on accents and symbols) are split as Latin. */
  private segment(piece: Piece, emit: (raw: string, start: number) => void): void {
    let offset = piece.start;
    let latinStart = -1;
    const flushLatin = (end: number) => {
      if (latinStart >= 0)
        this.splitLatin(piece.text.slice(latinStart - piece.start, end - piece.start), latinStart, emit);
      latinStart = -1;
    };
    for (const part of jieba().cut(piece.text, false)) {
      if (HAN.test(part)) {
        flushLatin(offset);
        emit(part, offset);
      } else if (latinStart < 0) {
        latinStart = offset;
      }
      offset += part.length;
    }
    flushLatin(offset);
  }

  private splitLatin(part: string, offset: number, emit: (raw: string, start: number) => void): void {
    const cleaned = this.separatorPattern
      ? part.replace(this.separatorPattern, (m) => ' '.repeat(m.length))
      : part;
    for (const match of cleaned.matchAll(this.wordPattern)) emit(match[0], offset + match.index);
  }

  private splitOnDictionary(text: string): Piece[] {
    if (this.dictionaryByFirstChar.size === 0) return [{ text, start: 0, whole: false }];
    const lower = text.toLowerCase();
    const haystack = lower.length === text.length ? lower : text;
    const pieces: Piece[] = [];
    let pending = 0;
    for (let i = 0; i < haystack.length;) {
      const match = this.dictionaryByFirstChar.get(haystack[i]!)?.find((w) => haystack.startsWith(w, i));
      if (!match) {
        i++;
        continue;
      }
      if (i > pending) pieces.push({ text: text.slice(pending, i), start: pending, whole: false });
      pieces.push({ text: text.slice(i, i + match.length), start: i, whole: true });
      i += match.length;
      pending = i;
    }
    if (pending < text.length) pieces.push({ text: text.slice(pending), start: pending, whole: false });
    return pieces;
  }
}
