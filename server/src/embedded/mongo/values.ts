import type { Decimal128, Double, Int32, Long } from 'bson';
import type { Doc } from './errors.js';

/**
 * Documents live in two forms. The *wire* form is what BSON gave us with `promoteValues: false`: every number
 * keeps its BSON type, so serialising it reproduces the client's bytes. The *view* form turns every number into
 * a JS number, which is what mingo needs to compare values the way MongoDB does (1, 1.0, Long(1) and
 * Decimal128("1") are equal). A stored document keeps its wire form only when the view would not round-trip
 * (a Long, a Decimal128, a double with an integral value, -0); most documents are stored as their view alone.
 */
export interface Ingested {
  view: Doc;
  wire: Doc | undefined;
}

type NumberWrapper = Int32 | Double | Long | Decimal128;

export const bsonType = (value: unknown): string | undefined =>
  value !== null && typeof value === 'object' ? (value as { _bsontype?: string })._bsontype : undefined;

export const isPlainObject = (value: unknown): value is Doc => {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

function numberWrapperValue(value: unknown): number | undefined {
  switch (bsonType(value)) {
    case 'Int32':
    case 'Double':
      return (value as Int32 | Double).value;
    case 'Long':
      return (value as Long).toNumber();
    case 'Decimal128':
      return Number((value as Decimal128).toString());
    default:
      return undefined;
  }
}

/** True when serialising the number's view (a JS number) would not give back the same BSON type and value. */
function losesFidelity(value: NumberWrapper): boolean {
  const type = value._bsontype;
  if (type === 'Long' || type === 'Decimal128') return true;
  if (type !== 'Double') return false;
  const n = (value as Double).value;
  return Object.is(n, -0) || (Number.isInteger(n) && n >= -0x80000000 && n <= 0x7fffffff);
}

interface Walk {
  exotic: boolean;
}

function toView(value: unknown, walk: Walk): unknown {
  if (value === null || typeof value !== 'object') return value;
  const asNumber = numberWrapperValue(value);
  if (asNumber !== undefined) {
    if (losesFidelity(value as NumberWrapper)) walk.exotic = true;
    return asNumber;
  }
  if (Array.isArray(value)) return value.map((item) => toView(item, walk));
  if (!isPlainObject(value)) return value;
  const view: Doc = {};
  for (const key of Object.keys(value)) view[key] = toView(value[key], walk);
  return view;
}

/** The view of any value received from the wire (command bodies, filters, documents). */
export function normalise<T>(value: T): T {
  return toView(value, { exotic: false }) as T;
}

/** Splits a document received from the wire into its view and, when needed, the wire form to keep. */
export function ingest(wire: Doc): Ingested {
  const walk: Walk = { exotic: false };
  const view = toView(wire, walk) as Doc;
  return { view, wire: walk.exotic ? wire : undefined };
}

const sameNumber = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

function restore(view: unknown, shadow: unknown, walk: Walk): unknown {
  if (typeof view === 'number') {
    const shadowNumber = numberWrapperValue(shadow);
    if (shadowNumber === undefined || !sameNumber(view, shadowNumber)) return view;
    if (losesFidelity(shadow as NumberWrapper)) walk.exotic = true;
    return shadow;
  }
  if (Array.isArray(view)) {
    const items = Array.isArray(shadow) ? shadow : [];
    return view.map((item, i) => restore(item, items[i], walk));
  }
  if (!isPlainObject(view)) return view;
  const from = isPlainObject(shadow) ? shadow : {};
  const result: Doc = {};
  for (const key of Object.keys(view)) result[key] = restore(view[key], from[key], walk);
  return result;
}

/**
 * After mingo computed a new view (an update, a projection), takes back the original BSON number types from
 * `shadow` (the same operation applied to the wire form) wherever the value is still the same number.
 */
export function restoreFidelity(view: Doc, shadow: Doc | undefined): Ingested {
  if (shadow === undefined) return { view, wire: undefined };
  const walk: Walk = { exotic: false };
  const wire = restore(view, shadow, walk) as Doc;
  return { view, wire: walk.exotic ? wire : undefined };
}

/** True when the value (a wire-form fragment) holds a number whose view would not round-trip. */
export function hasExoticNumbers(value: unknown): boolean {
  const walk: Walk = { exotic: false };
  toView(value, walk);
  return walk.exotic;
}

/** A shallow copy of `doc` without `key` (the same object when it has no such key). */
export function withoutKey(doc: Doc, key: string): Doc {
  if (!(key in doc)) return doc;
  const { [key]: _removed, ...rest } = doc;
  return rest;
}
