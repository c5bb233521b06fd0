import { MeiliError, unknownField } from '../errors.js';
import { arrayOf, isRecord, string } from '../settings/validators.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CREATION_FIELDS = ['description', 'name', 'uid', 'actions', 'indexes', 'expiresAt'];

export interface KeyCreation {
  name: string | null;
  description: string | null;
  uid?: string;
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
}

function optionalString(body: Record<string, unknown>, field: string): string | null {
  const value = body[field];
  return value === undefined || value === null
    ? null
    : string(value, `.${field}`, `invalid_api_key_${field}`);
}

function required(body: Record<string, unknown>, field: string, code: string): unknown {
  if (!(field in body)) throw new MeiliError(`missing_api_key_${code}`, `Missing field \`${field}\``);
  return body[field];
}

export function validateKeyCreation(body: unknown): KeyCreation {
  if (!isRecord(body)) throw new MeiliError('bad_request', 'Invalid value type: expected an object.');
  for (const field of Object.keys(body))
    if (!CREATION_FIELDS.includes(field)) throw unknownField('bad_request', field, CREATION_FIELDS);
  const uid = optionalString(body, 'uid');
  if (uid !== null && !UUID.test(uid)) {
    throw new MeiliError(
      'invalid_api_key_uid',
      `Invalid value at \`.uid\`: invalid length: expected length 32 for simple format, found ${uid.length}`,
    );
  }
  const actions = arrayOf(string)(
    required(body, 'actions', 'actions'),
    '.actions',
    'invalid_api_key_actions',
  );
  const indexes = arrayOf(string)(
    required(body, 'indexes', 'indexes'),
    '.indexes',
    'invalid_api_key_indexes',
  );
  const expiresAt = required(body, 'expiresAt', 'expires_at');
  if (expiresAt !== null && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt)))) {
    throw new MeiliError(
      'invalid_api_key_expires_at',
      `Invalid value at \`.expiresAt\`: \`${String(expiresAt)}\` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in the future or specified as a null value.`,
    );
  }
  return {
    name: optionalString(body, 'name'),
    description: optionalString(body, 'description'),
    ...(uid ? { uid } : {}),
    actions,
    indexes,
    expiresAt: expiresAt === null ? null : new Date(expiresAt as string).toISOString(),
  };
}

/** Only `name` and `description` may change; the other fields are immutable, as in Meilisearch. */
export function validateKeyUpdate(body: unknown): { name?: string | null; description?: string | null } {
  if (!isRecord(body)) throw new MeiliError('bad_request', 'Invalid value type: expected an object.');
  const out: { name?: string | null; description?: string | null } = {};
  for (const field of Object.keys(body)) {
    if (field === 'name' || field === 'description') out[field] = optionalString(body, field);
    else if (['uid', 'actions', 'indexes', 'expiresAt', 'key', 'createdAt', 'updatedAt'].includes(field)) {
      const code = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      throw new MeiliError(
        `immutable_api_key_${code}`,
        `The \`${field}\` field cannot be modified for the given resource.`,
      );
    } else throw unknownField('bad_request', field, ['name', 'description']);
  }
  return out;
}
