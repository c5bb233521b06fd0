import type { Binary, ObjectId } from 'bson';
import { bsonType, isPlainObject } from './values.js';

/**
 * Canonical string of a view value such that two values MongoDB considers equal in an index get the same
 * string (numbers of any BSON type are already plain JS numbers in a view; null and missing are equal).
 * Embedded documents keep their field order, as in MongoDB.
 */
export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'N';
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? 'n0' : `n${value}`;
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'boolean':
      return value ? 'b1' : 'b0';
    case 'object':
      return objectKey(value);
    default:
      return `?${String(value)}`;
  }
}

function objectKey(value: object): string {
  if (Array.isArray(value)) return `a[${value.map(valueKey).join(',')}]`;
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof RegExp) return `r${JSON.stringify(String(value))}`;
  if (isPlainObject(value)) {
    const fields = Object.keys(value).map((key) => `${JSON.stringify(key)}:${valueKey(value[key])}`);
    return `o{${fields.join(',')}}`;
  }
  switch (bsonType(value)) {
    case 'ObjectId':
      return `i${(value as ObjectId).toHexString()}`;
    case 'Binary': {
      const binary = value as Binary;
      return `x${binary.sub_type}:${Buffer.from(binary.buffer).toString('base64')}`;
    }
    default:
      return `?${bsonType(value) ?? ''}${JSON.stringify(value)}`;
  }
}

/** Separator for compound keys; `valueKey` never produces it because strings are JSON-escaped. */
export const KEY_SEPARATOR = '\u0001';

/**
 * Every value a dotted path reaches, descending through arrays the way MongoDB builds multikey index keys:
 * a path through an array of documents visits each element, and an array at the end contributes its
 * elements. A branch that ends without a value contributes `undefined`; an empty array contributes EMPTY.
 */
export const EMPTY_ARRAY = Symbol('empty array');

export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(current: unknown, parts: string[], depth: number, out: unknown[]): void {
  if (depth === parts.length) {
    if (!Array.isArray(current)) out.push(current);
    else if (current.length === 0) out.push(EMPTY_ARRAY);
    else out.push(...current);
    return;
  }
  const part = parts[depth] ?? '';
  if (Array.isArray(current)) {
    const position = /^\d+$/.test(part) ? Number(part) : -1;
    if (position >= 0) return collect(current[position], parts, depth + 1, out);
    if (current.length === 0) return collect(undefined, parts, parts.length, out);
    for (const item of current) collect(isPlainObject(item) ? item[part] : undefined, parts, depth + 1, out);
    return;
  }
  collect(isPlainObject(current) ? current[part] : undefined, parts, depth + 1, out);
}

/** Returned by `scalarAtPath` when the path meets an array, where `valuesAtPath` is needed. */
export const ARRAY_ON_PATH = Symbol('array on path');

/** The value at a dotted path when no array lies on the way (the common case, without allocations). */
export function scalarAtPath(doc: unknown, path: string): unknown {
  let current = doc;
  let start = 0;
  while (start <= path.length) {
    if (Array.isArray(current)) return ARRAY_ON_PATH;
    if (!isPlainObject(current)) return undefined;
    const dot = path.indexOf('.', start);
    const end = dot === -1 ? path.length : dot;
    current = current[path.slice(start, end)];
    start = end + 1;
  }
  return Array.isArray(current) ? ARRAY_ON_PATH : current;
}
