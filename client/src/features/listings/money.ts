import { FEN_PER_WAN, FEN_PER_YUAN, formatFenAsYuan, parseYuanToFen } from '@techmatch/shared';

/** Up to 9 digits of 万元 with up to 6 decimals: 0.000001 万元 is one fen, the finest amount there is. */
const WAN_TEXT = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/**
 * Parses an amount typed in 万元 ("12.5") into exact integer fen. The decimal point moves four places to make
 * yuan text, which the shared parser turns into fen without any floating-point arithmetic.
 */
export function parseWanToFen(text: string): number | null {
  const match = WAN_TEXT.exec(text.trim().replaceAll(',', ''));
  if (!match) return null;
  const [, whole = '0', decimals = ''] = match;
  const digits = decimals.padEnd(6, '0');
  return parseYuanToFen(`${whole}${digits.slice(0, 4)}.${digits.slice(4)}`);
}

/** Fen as 万元 text for an input, exact and without trailing zeros: 12_500_000 → "12.5". */
export function fenToWanText(fen: number): string {
  const whole = Math.trunc(fen / FEN_PER_WAN);
  const rest = fen % FEN_PER_WAN;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(6, '0').replace(/0+$/, '')}`;
}

const withoutZeroCents = (yuan: string) => yuan.replace(/\.00$/, '');

/**
 * An amount as people read it, always exact: 万元 from one 万 upwards in Chinese ("80 万元", "3,000 万元"), yuan
 * below it and for amounts with jiao or fen ("83,333,333.34 元" rather than "8,333.333334 万元"); yuan with
 * grouping in English ("¥800,000").
 */
export function formatAmount(fen: number, locale: string): string {
  if (locale !== 'zh-CN') return `¥${withoutZeroCents(formatFenAsYuan(fen))}`;
  if (fen < FEN_PER_WAN || fen % FEN_PER_YUAN !== 0) return `${withoutZeroCents(formatFenAsYuan(fen))} 元`;
  const [whole = '0', decimals] = fenToWanText(fen).split('.');
  const grouped = Number(whole).toLocaleString('en-US');
  return `${decimals ? `${grouped}.${decimals}` : grouped} 万元`;
}
