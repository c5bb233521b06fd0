import { z } from 'zod';

/** 1 yuan = 100 fen. All amounts are stored and transported as integer fen. */
export const FEN_PER_YUAN = 100;
/** 1 万元 = 1,000,000 fen. */
export const FEN_PER_WAN = 10_000 * FEN_PER_YUAN;
/** A sane upper bound for one amount: 100 亿元, far above any single technology contract. */
export const MAX_AMOUNT_FEN = 10_000_000_000 * FEN_PER_YUAN;

export const FenSchema = z
  .number()
  .int({ message: 'amount must be a whole number of fen' })
  .min(0)
  .max(MAX_AMOUNT_FEN);

const YUAN_TEXT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses a decimal yuan string ("1234.5") into exact integer fen, without floating-point arithmetic. */
export function parseYuanToFen(text: string): number | null {
  const match = YUAN_TEXT.exec(text.trim().replaceAll(',', ''));
  if (!match) return null;
  const [, whole = '0', decimals = ''] = match;
  return Number(whole) * FEN_PER_YUAN + Number(decimals.padEnd(2, '0'));
}

/** Formats fen as yuan with two decimals, e.g. 123456 → "1,234.56". */
export function formatFenAsYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.trunc(abs / FEN_PER_YUAN).toLocaleString('en-US');
  const cents = String(abs % FEN_PER_YUAN).padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}
