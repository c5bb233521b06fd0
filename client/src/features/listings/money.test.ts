import { FEN_PER_WAN, MAX_AMOUNT_FEN } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { fenToWanText, formatAmount, parseWanToFen } from './money.js';

describe('万元 ⇄ fen', () => {
  it('converts typed 万元 into exact fen, including amounts binary floating point cannot hold', () => {
    expect(parseWanToFen('80')).toBe(80 * FEN_PER_WAN);
    expect(parseWanToFen('12.5')).toBe(12_500_000);
    expect(parseWanToFen('0.1')).toBe(100_000);
    expect(parseWanToFen(' 1,000.000001 ')).toBe(1_000_000_001);
    // 0.29 * 1_000_000 is 290000.00000000006 in floating point.
    expect(parseWanToFen('0.29')).toBe(290_000);
    expect(parseWanToFen('1000000')).toBe(MAX_AMOUNT_FEN);
  });

  it('refuses what is not an amount instead of guessing', () => {
    for (const text of ['', '一百', '-5', '1.2345678', '1e3', '12.', '.5', '1234567890']) {
      expect(parseWanToFen(text), text).toBeNull();
    }
  });

  it('shows fen as 万元 text that parses back to the same fen', () => {
    for (const fen of [0, 1, 99, 100_000, 12_500_000, 80 * FEN_PER_WAN, 1_000_000_001, MAX_AMOUNT_FEN]) {
      expect(parseWanToFen(fenToWanText(fen)), String(fen)).toBe(fen);
    }
    expect(fenToWanText(12_500_000)).toBe('12.5');
    expect(fenToWanText(1)).toBe('0.000001');
  });
});

describe('formatAmount', () => {
  it('reads in 万元 in Chinese from one 万 upwards, and in yuan below', () => {
    expect(formatAmount(80 * FEN_PER_WAN, 'zh-CN')).toBe('80 万元');
    expect(formatAmount(3000 * FEN_PER_WAN, 'zh-CN')).toBe('3,000 万元');
    expect(formatAmount(12_500_000, 'zh-CN')).toBe('12.5 万元');
    expect(formatAmount(500_050, 'zh-CN')).toBe('5,000.50 元');
    expect(formatAmount(123_456_700, 'zh-CN')).toBe('123.4567 万元');
  });

  it('reads an amount with jiao or fen in exact yuan rather than six decimals of 万元', () => {
    expect(formatAmount(8_333_333_334, 'zh-CN')).toBe('83,333,333.34 元');
    expect(formatAmount(1_000_000_010, 'zh-CN')).toBe('10,000,000.10 元');
  });

  it('reads in grouped yuan in English', () => {
    expect(formatAmount(80 * FEN_PER_WAN, 'en')).toBe('¥800,000');
    expect(formatAmount(12_345, 'en')).toBe('¥123.45');
  });
});
