import type { Binary, ObjectId, Timestamp } from 'bson';
import type { Doc } from './errors.js';
import { EMPTY_ARRAY } from './keys.js';
import { bsonType, isPlainObject } from './values.js';

/**
 * MongoDB's ordering of view values across BSON types (MinKey < null < numbers < strings < objects < arrays <
 * binary < ObjectId < booleans < dates < timestamps < regexes < MaxKey). Mingo orders by JS type instead, so
 * sorting and `distinct` use this comparator; numbers of every BSON type are already JS numbers in a view.
 */
const BSON_CLASS_RANKS: Record<string, number> = {
  MinKey: 0,
  Binary: 7,
  ObjectId: 8,
  Timestamp: 11,
  BSONRegExp: 12,
  MaxKey: 13,
};

function typeRank(value: unknown): number {
  if (value === EMPTY_ARRAY) return 1;
  if (value === null || value === undefined) return 2;
  switch (typeof value) {
    case 'number':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
  }
  if (Array.isArray(value)) return 6;
  if (value instanceof Date) return 10;
  if (value instanceof RegExp) return 12;
  if (isPlainObject(value)) return 5;
  return BSON_CLASS_RANKS[bsonType(value) ?? ''] ?? 12.5;
}

const cmp = (a: number | string | boolean, b: number | string | boolean): number =>
  a < b ? -1 : a > b ? 1 : 0;

export type StringComparer = (a: string, b: string) => number;

export function compareValues(a: unknown, b: unknown, strings: StringComparer = cmp): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 3:
      return compareNumbers(a as number, b as number);
    case 4:
      return strings(a as string, b as string);
    case 5:
      return compareEntries(Object.entries(a as Doc), Object.entries(b as Doc), strings);
    case 6:
      return compareEntries(Object.entries(a as unknown[]), Object.entries(b as unknown[]), strings);
    case 7:
      return compareBinary(a as Binary, b as Binary);
    case 8:
      return cmp((a as ObjectId).toHexString(), (b as ObjectId).toHexString());
    case 9:
      return cmp(a as boolean, b as boolean);
    case 10:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case 11:
      return cmp((a as Timestamp).t, (b as Timestamp).t) || cmp((a as Timestamp).i, (b as Timestamp).i);
    default:
      return cmp(String(a), String(b));
  }
}

/** NaN sorts before every other number in MongoDB. */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return cmp(a, b);
}

function compareEntries(a: [string, unknown][], b: [string, unknown][], strings: StringComparer): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [keyA, valueA] = a[i] as [string, unknown];
    const [keyB, valueB] = b[i] as [string, unknown];
    const order =
      typeRank(valueA) - typeRank(valueB) || cmp(keyA, keyB) || compareValues(valueA, valueB, strings);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareBinary(a: Binary, b: Binary): number {
  return a.length() - b.length() || a.sub_type - b.sub_type || Buffer.compare(a.buffer, b.buffer);
}
