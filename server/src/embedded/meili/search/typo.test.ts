import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/settings.js';
import { allowedTypos, typoDistance } from './typo.js';

const typo = defaultSettings().typoTolerance;
const distance = (a: string, b: string, max = 2, prefix = false) => typoDistance([...a], [...b], max, prefix);

describe('typo rules', () => {
  it('allows 0, 1 or 2 typos by character count (so short Chinese words get none)', () => {
    expect(allowedTypos('hobit', typo)).toBe(1);
    expect(allowedTypos('hobt', typo)).toBe(0);
    expect(allowedTypos('prejudise', typo)).toBe(2);
    expect(allowedTypos('拜耳法赤泥', typo)).toBe(1);
    expect(allowedTypos('赤泥', typo)).toBe(0);
    expect(allowedTypos('hobbit', { ...typo, disableOnWords: ['hobbit'] })).toBe(0);
  });

  it('counts a transposition as one typo and a first-letter change as two', () => {
    expect(distance('pirde', 'pride', 1)).toBe(1);
    expect(distance('bride', 'pride', 1)).toBe(2);
    expect(distance('bride', 'pride', 2)).toBe(2);
  });

  it('measures a prefix query against the closest prefix of the word', () => {
    expect(distance('wondr', 'wonderland', 1, true)).toBe(1);
    expect(distance('wondr', 'wonderland', 1, false)).toBe(2);
  });
});
