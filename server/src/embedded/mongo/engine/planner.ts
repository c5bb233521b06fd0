import type { Doc } from '../errors.js';
import { KEY_SEPARATOR, valueKey } from '../keys.js';
import { bsonType, isPlainObject } from '../values.js';
import type { Collection } from './collection.js';
import type { SecondaryIndex } from './secondary-index.js';

/** Bounds the number of exact keys a compound lookup may expand to (a cross product of `$in` lists). */
const MAX_LOOKUP_KEYS = 1000;

export interface Candidates {
  docs: Doc[];
  /**
   * The filter is nothing but the equalities the index answered, so every candidate matches: an index key
   * decides equality exactly for the values the planner accepts, arrays and null included.
   */
  exact: boolean;
}

/**
 * Picks an index for the filter and returns the documents it yields: a superset of the matches, which the
 * caller filters with mingo unless they are exact. Only equality and `$in` on indexed fields are used, or a
 * top-level `$or` whose every branch has them; `undefined` means no index applies and the caller scans the
 * collection.
 */
export function candidatesFromIndexes(collection: Collection, filter: Doc): Candidates | undefined {
  return fromEqualities(collection, filter) ?? fromOrBranches(collection, filter);
}

/**
 * MongoDB's OR plan: the union of what an index yields for each branch of a top-level `$or` (a listing's
 * matches read back pair by pair, say). A single branch no index answers means scanning anyway.
 */
function fromOrBranches(collection: Collection, filter: Doc): Candidates | undefined {
  const branches = filter['$or'];
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const found = new Set<Doc>();
  for (const branch of branches) {
    const planned = isPlainObject(branch) ? fromEqualities(collection, branch) : undefined;
    if (!planned) return undefined;
    for (const doc of planned.docs) found.add(doc);
  }
  return { docs: [...found], exact: false };
}

function fromEqualities(collection: Collection, filter: Doc): Candidates | undefined {
  const equalities = new Map<string, unknown[]>();
  collectEqualities(filter, equalities);
  if (equalities.size === 0) return undefined;
  const ids = equalities.get('_id');
  if (ids) return { docs: unique(ids.map((id) => collection.getById(id))), exact: covers(filter, ['_id']) };
  const usable = [...collection.indexes.values()].filter((index) => index.usableForLookups);
  const full = usable.filter((index) =>
    index.fields.every((field) => usableValues(index, field, equalities)),
  );
  const best = full.find((index) => index.spec.unique) ?? full[0];
  const docs = best && lookupExact(best, equalities);
  if (best && docs) return { docs, exact: covers(filter, best.fields) };
  const prefix = usable.find((index) => usableValues(index, index.fields[0] ?? '', equalities));
  if (!prefix) return undefined;
  const values = equalities.get(prefix.fields[0] ?? '') ?? [];
  const found = unique(values.flatMap((value) => [...prefix.lookupFirstField(valueKey(value))]));
  return { docs: found, exact: covers(filter, prefix.fields.slice(0, 1)) };
}

/** True when the filter holds only plain equalities (or a lone `$eq`/`$in`) on exactly `fields`. */
function covers(filter: Doc, fields: string[]): boolean {
  const paths = Object.keys(filter);
  if (paths.length !== fields.length || !paths.every((path) => fields.includes(path))) return false;
  return paths.every((path) => {
    const condition = filter[path];
    const plain = !isPlainObject(condition) || Object.keys(condition).length === 1;
    return plain && !path.split('.').some((part) => /^\d+$/.test(part));
  });
}

function collectEqualities(filter: Doc, out: Map<string, unknown[]>): void {
  for (const [path, condition] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) collectEqualities(clause, out);
    } else if (!path.startsWith('$') && !out.has(path)) {
      const values = equalityValues(condition);
      if (values) out.set(path, values);
    }
  }
}

function equalityValues(condition: unknown): unknown[] | undefined {
  if (!isPlainObject(condition)) return isKeyable(condition) ? [condition] : undefined;
  if ('$eq' in condition) return isKeyable(condition['$eq']) ? [condition['$eq']] : undefined;
  const list = condition['$in'];
  if (Array.isArray(list) && list.every(isKeyable)) return list;
  return undefined;
}

/** Values whose index key alone decides equality: not documents, arrays or regular expressions. */
function isKeyable(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return value !== undefined;
  return (
    !Array.isArray(value) &&
    !(value instanceof RegExp) &&
    !isPlainObject(value) &&
    bsonType(value) !== 'BSONRegExp'
  );
}

/** A sparse index has no entry for documents missing the field, so it cannot answer a query for null. */
function usableValues(index: SecondaryIndex, field: string, equalities: Map<string, unknown[]>): boolean {
  const values = equalities.get(field);
  return values !== undefined && !(index.spec.sparse && values.includes(null));
}

function lookupExact(index: SecondaryIndex, equalities: Map<string, unknown[]>): Doc[] | undefined {
  let keys = [''];
  for (const field of index.fields) {
    const parts = (equalities.get(field) ?? []).map(valueKey);
    keys = keys.flatMap((prefix) => parts.map((part) => (prefix ? prefix + KEY_SEPARATOR + part : part)));
    if (keys.length > MAX_LOOKUP_KEYS) return undefined;
  }
  return unique(keys.flatMap((key) => [...index.lookup(key)]));
}

function unique(docs: (Doc | undefined)[]): Doc[] {
  return [...new Set(docs.filter((doc): doc is Doc => doc !== undefined))];
}
