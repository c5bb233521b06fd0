import { describe, expect, it } from 'vitest';
import { thesaurusConflict, type StoredEntry } from './thesaurus-rules.js';

const entry = (
  id: string,
  kind: StoredEntry['kind'],
  words: string[],
  from: string[] = [],
  to: string[] = [],
) => ({
  id,
  kind,
  words,
  from,
  to,
});

describe('thesaurus rules', () => {
  it('refuses a word that already belongs to another synonym group', () => {
    const existing = [entry('1', 'synonyms', ['赤泥', '拜耳法赤泥'])];
    expect(thesaurusConflict(entry('2', 'synonyms', ['氧化铝尾渣', '赤泥']), existing)).toEqual({
      word: '赤泥',
    });
    expect(thesaurusConflict(entry('2', 'synonyms', ['铝灰', '铝渣']), existing)).toBeNull();
  });

  it('refuses expansions that lead back to where they started, across entries', () => {
    const existing = [entry('1', 'expansion', [], ['漏水'], ['防水'])];
    expect(thesaurusConflict(entry('2', 'expansion', [], ['防水'], ['漏水']), existing)).toEqual({
      loop: true,
    });
    expect(thesaurusConflict(entry('2', 'expansion', [], ['防水'], ['密封']), existing)).toBeNull();
  });

  it('finds longer loops and compares words without regard to case', () => {
    const existing = [entry('1', 'expansion', [], ['A'], ['b']), entry('2', 'expansion', [], ['B'], ['c'])];
    expect(thesaurusConflict(entry('3', 'expansion', [], ['C'], ['a']), existing)).toEqual({ loop: true });
  });
});
