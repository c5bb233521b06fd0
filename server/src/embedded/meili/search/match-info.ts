import { HARD_SEPARATOR_GAP } from '../engine/tokenizer.js';
import type { WordTable } from './word-table.js';
import { entryCost, entryTerm } from './word-table.js';

/** Field-separated absolute positions: positions in different fields are never "close". */
const FIELD_STRIDE = 1 << 20;

export const enum ExactAttribute {
  None = 0,
  MatchesStart = 1,
  ExactMatch = 2,
}

/** Where a document matches the active query terms: what proximity, position and exactness need. */
export interface MatchInfo {
  positions: number[][];
  minPosition: number[];
  exactAttribute: ExactAttribute;
}

interface Run {
  length: number;
  prefixMatches: boolean;
}

/**
 * Scan a document's forward index once for the active terms within the allowed fields. Results are
 * indexed by slot: the position of a term in `active`.
 */
export function computeMatchInfo(
  forward: Int32Array,
  table: WordTable,
  active: readonly number[],
  allows: (fid: number) => boolean,
): MatchInfo {
  const k = active.length;
  const slotOf = new Map(active.map((term, slot) => [term, slot]));
  const info: MatchInfo = {
    positions: Array.from({ length: k }, () => []),
    minPosition: new Array<number>(k).fill(Infinity),
    exactAttribute: ExactAttribute.None,
  };
  const phrases = table.phrasesByLastWord.size > 0;
  let i = 0;
  while (i < forward.length) {
    const fid = forward[i]!;
    const end = i + 2 + forward[i + 1]!;
    i += 2;
    if (!allows(fid)) {
      i = end;
      continue;
    }
    const fieldWords = phrases ? new Map<number, number>() : undefined;
    const run: Run = { length: 0, prefixMatches: true };
    let position = -1;
    for (; i < end; i++) {
      const entry = forward[i]!;
      if (entry < 0) {
        if (-entry >= HARD_SEPARATOR_GAP - 1) closeRun(run, k, info);
        position -= entry;
        continue;
      }
      position++;
      fieldWords?.set(position, entry);
      let matchesRunTerm = false;
      const record = (term: number, cost: number) => {
        const slot = slotOf.get(term);
        if (slot === undefined) return;
        info.positions[slot]!.push(fid * FIELD_STRIDE + position);
        if (position < info.minPosition[slot]!) info.minPosition[slot] = position;
        if (slot === run.length && cost === 0) matchesRunTerm = true;
      };
      for (const packed of table.lookup(entry)) record(entryTerm(packed), entryCost(packed));
      if (fieldWords) {
        for (const [term, phrase] of table.phrasesByLastWord.get(entry) ?? []) {
          const start = position - phrase.length + 1;
          if (phrase.every((id, offset) => fieldWords.get(start + offset) === id)) record(term, 0);
        }
      }
      if (run.length < k && !matchesRunTerm) run.prefixMatches = false;
      run.length++;
    }
    closeRun(run, k, info);
  }
  for (const list of info.positions) list.sort((x, y) => x - y);
  return info;
}

function closeRun(run: Run, k: number, info: MatchInfo): void {
  if (k > 0 && run.prefixMatches && run.length >= k) {
    const kind = run.length === k ? ExactAttribute.ExactMatch : ExactAttribute.MatchesStart;
    if (kind > info.exactAttribute) info.exactAttribute = kind;
  }
  run.length = 0;
  run.prefixMatches = true;
}

/** Proximity cost of two terms: 0 when adjacent in order, up to 7 when far apart or absent. */
export function pairCost(a: number[], b: number[]): number {
  let best = 7;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length && best > 0) {
    const pa = a[i]!;
    const pb = b[j]!;
    if (Math.floor(pa / FIELD_STRIDE) === Math.floor(pb / FIELD_STRIDE)) {
      const gap = pb > pa ? pb - pa : pa - pb + 1;
      best = Math.min(best, Math.min(gap, 8) - 1);
    }
    if (pa < pb) i++;
    else j++;
  }
  return best;
}
