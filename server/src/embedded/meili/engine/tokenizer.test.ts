import { describe, expect, it } from 'vitest';
import { Tokenizer } from './tokenizer.js';

const plain = new Tokenizer({ dictionary: [], separatorTokens: [], nonSeparatorTokens: [] });
const words = (tokenizer: Tokenizer, text: string) => tokenizer.tokenize(text).map((token) => token.word);

describe('tokenizer', () => {
  it('segments Chinese with jieba (no HMM) and Latin by words, normalised', () => {
    expect(words(plain, '铝合金型材深加工 Friction-Stir Café')).toEqual([
      '铝合金',
      '型材',
      '深加工',
      'friction',
      'stir',
      'cafe',
    ]);
  });

  it('keeps dictionary words whole', () => {
    const tokenizer = new Tokenizer({
      dictionary: ['搅拌摩擦焊'],
      separatorTokens: [],
      nonSeparatorTokens: [],
    });
    expect(words(plain, '搅拌摩擦焊工艺')).not.toContain('搅拌摩擦焊');
    expect(words(tokenizer, '搅拌摩擦焊工艺')).toEqual(['搅拌摩擦焊', '工艺']);
  });

  it('counts positions with a gap of 8 across hard separators', () => {
    const tokens = plain.tokenize('赤泥 回收。钪 提取');
    expect(tokens.map((token) => token.position)).toEqual([0, 1, 9, 10]);
    expect(tokens.map((token) => [token.start, token.end])).toEqual([
      [0, 2],
      [3, 5],
      [6, 7],
      [8, 10],
    ]);
  });

  it('applies separator and non-separator tokens', () => {
    const tokenizer = new Tokenizer({ dictionary: [], separatorTokens: ['|'], nonSeparatorTokens: ['#'] });
    expect(words(tokenizer, 'c# and f#|rust')).toEqual(['c#', 'and', 'f#', 'rust']);
  });

  it('tokenises several texts at once with positions restarting per text', () => {
    const [first, second] = plain.tokenizeMany(['赤泥 回收', '铝 合金']);
    expect(first!.map((token) => [token.word, token.position])).toEqual([
      ['赤泥', 0],
      ['回收', 1],
    ]);
    expect(second!.map((token) => [token.word, token.start, token.position])).toEqual([
      ['铝', 0, 0],
      ['合金', 2, 1],
    ]);
  });

  it('gives a stored text the tokens tokenize gives it, however often and in whatever order it is asked', () => {
    const texts = ['赤泥 回收。钪 提取', '铝合金型材深加工 Friction-Stir Café', '赤泥 回收。钪 提取'];
    for (const text of [...texts, ...texts.reverse()]) {
      expect(plain.tokenizeStored(text)).toEqual(plain.tokenize(text));
    }
  });
});
