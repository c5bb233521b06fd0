import { MeiliError } from '../errors.js';
import type { Document } from './fields.js';
import { valuesAtPath } from './fields.js';

/** Meilisearch picks the only top-level field whose name ends with `id` (case-insensitive). */
export function inferPrimaryKey(first: Document | undefined): string {
  const candidates = Object.keys(first ?? {})
    .filter((key) => key.toLowerCase().endsWith('id'))
    .sort();
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    throw new MeiliError(
      'index_primary_key_no_candidate_found',
      'The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.',
    );
  }
  const names = candidates.map((name) => `'${name}'`).join(', ');
  throw new MeiliError(
    'index_primary_key_multiple_candidates_found',
    `The primary key inference failed as the engine found ${candidates.length} fields ending with \`id\` in their names: ${names}. Please specify the primary key manually using the \`primaryKey\` query parameter.`,
  );
}

const VALID_ID = /^[A-Za-z0-9_-]+$/;

export function invalidDocumentId(value: unknown): MeiliError {
  return new MeiliError(
    'invalid_document_id',
    `Document identifier \`${JSON.stringify(value)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`,
  );
}

/** A document id as Meilisearch stores it: integers and strings share one namespace ("1" ≡ 1). */
export function normaliseDocumentId(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && VALID_ID.test(value) && Buffer.byteLength(value) <= 511) return value;
  throw invalidDocumentId(value);
}

export function documentIdOf(document: Document, primaryKey: string): string {
  const value = primaryKey.includes('.') ? valuesAtPath(document, primaryKey)[0] : document[primaryKey];
  if (value === undefined || value === null) {
    throw new MeiliError(
      'missing_document_id',
      `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(document)}\`.`,
    );
  }
  return normaliseDocumentId(value);
}
