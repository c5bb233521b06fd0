/** Documents flattened into dot paths, the way Meilisearch addresses nested fields. */
export type Document = Record<string, unknown>;

export interface FlatField {
  /** Leaf values: strings, numbers, booleans and nulls found at this path (arrays are unwound). */
  values: unknown[];
  /** `IS EMPTY` holds: the value is "", [] or {}. */
  empty: boolean;
}

export type FlatDocument = Map<string, FlatField>;

function fieldAt(flat: FlatDocument, path: string): FlatField {
  let field = flat.get(path);
  if (!field) {
    field = { values: [], empty: false };
    flat.set(path, field);
  }
  return field;
}

function isPlainObject(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flattenValue(flat: FlatDocument, path: string, value: unknown): void {
  const field = fieldAt(flat, path);
  if (Array.isArray(value)) {
    if (value.length === 0) field.empty = true;
    for (const element of value) flattenValue(flat, path, element);
  } else if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) field.empty = true;
    for (const [key, child] of entries) flattenValue(flat, `${path}.${key}`, child);
  } else {
    if (value === '') field.empty = true;
    field.values.push(value);
  }
}

export function flattenDocument(document: Document): FlatDocument {
  const flat: FlatDocument = new Map();
  for (const [key, value] of Object.entries(document)) flattenValue(flat, key, value);
  return flat;
}

/** Values at a dot path of an unflattened document (arrays unwound), without building the whole flat map. */
export function valuesAtPath(document: Document, path: string): unknown[] {
  const out: unknown[] = [];
  collectAtPath(document, path.split('.'), 0, out);
  return out;
}

function collectAtPath(value: unknown, parts: string[], index: number, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const element of value) collectAtPath(element, parts, index, out);
    return;
  }
  if (index === parts.length) {
    out.push(value);
    return;
  }
  if (!isPlainObject(value)) return;
  // A key may itself contain dots ("a.b": 1), so try the longest literal key first.
  for (let end = parts.length; end > index; end--) {
    const key = parts.slice(index, end).join('.');
    if (key in value) collectAtPath(value[key], parts, end, out);
  }
}

/** Whether `pattern` (a settings attribute, possibly with a `*` wildcard) selects `path` or one of its parents. */
export function patternMatches(pattern: string, path: string): boolean {
  if (pattern === '*' || pattern === path) return true;
  if (path.startsWith(`${pattern}.`)) return true;
  if (!pattern.includes('*')) return false;
  const [head = '', tail = ''] = pattern.split('*', 2);
  return path.length >= head.length + tail.length && path.startsWith(head) && path.endsWith(tail);
}

/** Field ids in order of first appearance, as Meilisearch's fields-ids map assigns them. */
export class FieldIds {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  idOf(path: string): number {
    let id = this.ids.get(path);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(path, id);
      this.names.push(path);
    }
    return id;
  }

  find(path: string): number | undefined {
    return this.ids.get(path);
  }
}
