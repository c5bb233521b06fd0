import { MongoCommandError, notSupported, type Doc } from '../errors.js';
import { formatDocument } from './format.js';
import { valueKey } from '../keys.js';
import { isPlainObject } from '../values.js';
import type { IndexSpec } from './secondary-index.js';

const OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'hidden'];
const IGNORED_OPTIONS = ['v', 'key', 'name', 'background', 'ns', 'storageEngine'];
const SPECIAL_INDEX_OPTIONS = [
  'collation',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
  '2dsphereIndexVersion',
  'bits',
  'min',
  'max',
  'wildcardProjection',
  'bucketSize',
];

/** Validates one entry of `createIndexes.indexes` and returns it as listIndexes will show it. */
export function parseIndexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw)) throw new MongoCommandError(14, 'An index specification must be an object');
  const key = raw['key'];
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new MongoCommandError(
      9,
      `Error in specification ${formatDocument(raw)} :: caused by :: The 'key' field must be a non-empty object`,
    );
  }
  const name = raw['name'];
  if (typeof name !== 'string' || name.length === 0) {
    throw new MongoCommandError(
      9,
      `Error in specification ${formatDocument(raw)} :: caused by :: The 'name' field is a required property of an index specification`,
    );
  }
  Object.values(key).forEach(checkKeyType);
  for (const option of Object.keys(raw)) checkOption(option);
  if (raw['sparse'] && raw['partialFilterExpression']) {
    throw new MongoCommandError(67, 'cannot mix "partialFilterExpression" and "sparse" options');
  }
  const spec: IndexSpec = { v: 2, key, name };
  for (const option of OPTIONS) if (raw[option] !== undefined) spec[option] = raw[option];
  return spec;
}

function checkKeyType(type: unknown): void {
  if (typeof type === 'number' && type !== 0) return;
  if (type === 'hashed') return;
  if (typeof type === 'string') throw notSupported(`The '${type}' index type`);
  throw new MongoCommandError(
    67,
    `Values in the index key pattern can only be numbers or strings, found ${String(type)}`,
  );
}

function checkOption(option: string): void {
  if (OPTIONS.includes(option) || IGNORED_OPTIONS.includes(option)) return;
  if (SPECIAL_INDEX_OPTIONS.includes(option)) throw notSupported(`The index option '${option}'`);
  throw new MongoCommandError(197, `The field '${option}' is not valid for an index specification.`);
}

const optionsKey = (spec: IndexSpec): string =>
  valueKey(
    OPTIONS.map((option) =>
      option === 'unique' || option === 'sparse' ? !!spec[option] : (spec[option] ?? null),
    ),
  );

/**
 * How a requested index relates to the existing ones: already there (nothing to do), new, or in conflict
 * (same name with another key, or same key under another name or options), as MongoDB decides.
 */
export function matchExisting(requested: IndexSpec, existing: IndexSpec[]): 'exists' | 'new' {
  const sameName = existing.find((spec) => spec.name === requested.name);
  const sameKey = existing.find((spec) => valueKey(spec.key) === valueKey(requested.key));
  if (sameName && valueKey(sameName.key) !== valueKey(requested.key)) {
    throw new MongoCommandError(
      86,
      `An existing index has the same name as the requested index. Requested index: ${formatDocument(requested)}, existing index: ${formatDocument(sameName)}`,
    );
  }
  if (sameKey && optionsKey(sameKey) !== optionsKey(requested)) {
    throw new MongoCommandError(
      85,
      `An equivalent index already exists with the same name but different options. Requested index: ${formatDocument(requested)}, existing index: ${formatDocument(sameKey)}`,
    );
  }
  if (sameKey && sameKey.name !== requested.name) {
    throw new MongoCommandError(85, `Index already exists with a different name: ${sameKey.name}`);
  }
  return sameKey ? 'exists' : 'new';
}

export const isIdIndex = (spec: Doc): boolean => valueKey(spec['key']) === valueKey({ _id: 1 });
