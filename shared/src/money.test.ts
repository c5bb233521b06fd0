import { describe, expect, it } from 'vitest';
import { FenSchema, formatFenAsYuan, parseYuanToFen } from './money.js';

describe('parseYuanToFen', () => {
  it('converts decimal yuan text to exact fen without floating-point drift', () => {
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1234.5')).toBe(123450);
    expect(parseYuanToFen('2,000,000,000')).toBe(200_000_000_000);
  });

  it('rejects negative numbers, three decimals and words', () => {
    expect(parseYuanToFen('-1')).toBeNull();
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('一百')).toBeNull();
  });
});

describe('formatFenAsYuan', () => {
  it('prints fen as yuan with thousands separators and two decimals', () => {
    expect(formatFenAsYuan(123456)).toBe('1,234.56');
    expect(formatFenAsYuan(5)).toBe('0.05');
  });
});

describe('FenSchema', () => {
  it('refuses fractions of a fen and negative amounts', () => {
    expect(FenSchema.safeParse(10.5).success).toBe(false);
    expect(FenSchema.safeParse(-1).success).toBe(false);
    expect(FenSchema.safeParse(100).success).toBe(true);
  });
});
