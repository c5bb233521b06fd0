import type { TermDerivations } from './derivations.js';

/**
 * Per-query lookup from word id to the query terms it matches, stored in a reused typed array so
 * that scanning a document's words costs one array read per word.
 *
 * Entries are packed as `term << 3 | cost << 1 | exact`.
 */
export class WordTable {
  private slots = new Int32Array(1024);
  private readonly entries: number[][] = [[]];
  private readonly used: number[] = [];
  /** Phrase derivations by their last word id: `[term, wordIds]`. */
  readonly phrasesByLastWord = new Map<number, [number, number[]][]>();

  static build(derivations: TermDerivations[], vocabularySize: number): WordTable {
    const table = new WordTable();
    if (table.slots.length < vocabularySize) table.slots = new Int32Array(vocabularySize * 2);
    derivations.forEach((term, index) => {
      for (const match of term.words)
        table.add(match.wordId, (index << 3) | (match.cost << 1) | (match.exact ? 1 : 0));
      for (const phrase of term.phrases) {
        const last = phrase[phrase.length - 1]!;
        const list = table.phrasesByLastWord.get(last) ?? [];
        list.push([index, phrase]);
        table.phrasesByLastWord.set(last, list);
      }
    });
    return table;
  }

  private add(wordId: number, entry: number): void {
    let slot = this.slots[wordId]!;
    if (slot === 0) {
      slot = this.entries.length;
      this.entries.push([]);
      this.slots[wordId] = slot;
      this.used.push(wordId);
    }
    this.entries[slot]!.push(entry);
  }

  /** Packed entries for a word; an empty list when the word matches no term. */
  lookup(wordId: number): number[] {
    return this.entries[wordId < this.slots.length ? this.slots[wordId]! : 0]!;
  }
}

export const entryTerm = (entry: number): number => entry >>> 3;
export const entryCost = (entry: number): number => (entry >>> 1) & 3;
