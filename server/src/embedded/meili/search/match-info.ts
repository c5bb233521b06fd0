import { RUN_BREAK_GAP } from '../engine/inverted-index.js';
import type { WordTable } from './word-table.js';
import { entryCost, entryTerm } from './word-table.js';

/** Field-separated absolute positions: positions in different fields are never "close". */
const FIELD_STRIDE = 1 << 20;

export const enum ExactAttribute {
  None = 0,
  MatchesStart = 1,
  ExactMatch = 2,
}

/** Where a document matches the active query terms (by slot = index in `active`). */
export interface MatchInfo {
  positions: number[][];
  exactAttribute: ExactAttribute;
}

/** Slot of each query term in `active`, or -1; computed once per words bucket. */
export function slotsOf(active: readonly number[], termCount: number): Int8Array {
  const slots = new Int8Array(termCount).fill(-1);
  active.forEach((term, slot) => (slots[term] = slot));
  return slots;
}

/**
 * Scan a document's forward index once: positions of the active terms within the allowed fields,
 * and whether a field run equals (or starts with) the active terms in order. Only documents that
 * reach the proximity or exactness rules pay for this.
 */
export function computeMatchInfo(
  forward: Int32Array,
  table: WordTable,
  slots: Int8Array,
  k: number,
  allows: (fid: number) => boolean,
): MatchInfo {
  const positions: number[][] = Array.from({ length: k }, () => []);
  let exactAttribute = ExactAttribute.None;
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
    const base = fid * FIELD_STRIDE;
    const fieldWords = phrases ? new Map<number, number>() : undefined;
    let runLength = 0;
    let runMatches = true;
    let position = -1;
    for (; i <= end; i++) {
      const entry = i < end ? forward[i]! : -RUN_BREAK_GAP;
      if (entry < 0) {
        if (-entry >= RUN_BREAK_GAP) {
          if (runMatches && runLength >= k && k > 0)
            exactAttribute = Math.max(exactAttribute, runLength === k ? 2 : 1);
          runLength = 0;
          runMatches = true;
        }
        position -= entry;
        continue;
      }
      position++;
      fieldWords?.set(position, entry);
      let matchesRunSlot = false;
      for (const packed of table.lookup(entry)) {
        const slot = slots[entryTerm(packed)]!;
        if (slot < 0) continue;
        positions[slot]!.push(base + position);
        if (slot === runLength && entryCost(packed) === 0) matchesRunSlot = true;
      }
      if (fieldWords) {
        for (const [term, phrase] of table.phrasesByLastWord.get(entry) ?? []) {
          const slot = slots[term]!;
          const start = position - phrase.length + 1;
          if (slot >= 0 && phrase.every((id, offset) => fieldWords.get(start + offset) === id)) {
            positions[slot]!.push(base + start);
            if (slot === runLength - phrase.length + 1) matchesRunSlot = true;
          }
        }
      }
      if (runLength < k && !matchesRunSlot) runMatches = false;
      runLength++;
    }
    i = end;
  }
  for (const list of positions) list.sort((a, b) => a - b);
  return { positions, exactAttribute };
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
