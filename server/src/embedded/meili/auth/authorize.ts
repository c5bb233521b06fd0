import { MeiliError } from '../errors.js';
import type { KeyStore } from './keys.js';
import { covers, grants } from './keys.js';
import { verifyTenantToken } from './tenant-token.js';

export interface Caller {
  allowsIndex(uid: string): boolean;
  /** Tenant-token filter to AND into searches on `uid`, if any. */
  searchFilter(uid: string): unknown;
}

const EVERYTHING: Caller = { allowsIndex: () => true, searchFilter: () => undefined };

const missingHeader = () =>
  new MeiliError(
    'missing_authorization_header',
    'The Authorization header is missing. It must use the bearer authorization method.',
  );
const invalidKey = () => new MeiliError('invalid_api_key', 'The provided API key is invalid.');

/**
 * Meilisearch's key model: no master key means no auth; the master key may do anything; an API key
 * (or a tenant token signed with one) may do the actions and touch the indexes it lists.
 */
export function authorize(
  keys: KeyStore | undefined,
  header: string | undefined,
  action: string | null,
  indexUid?: string,
): Caller {
  if (!keys || action === null) return EVERYTHING;
  const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  if (!token) throw missingHeader();
  if (keys.isMaster(token)) return EVERYTHING;
  if (action.startsWith('keys.') && !keys.byValue(token)) throw invalidKey();
  const key = keys.byValue(token);
  if (key) {
    if (!grants(key.actions, action)) throw invalidKey();
    if (indexUid !== undefined && !covers(key.indexes, indexUid)) throw invalidKey();
    return { allowsIndex: (uid) => covers(key.indexes, uid), searchFilter: () => undefined };
  }
  const tenant = verifyTenantToken(keys, token);
  if (!tenant || action !== 'search') throw invalidKey();
  if (indexUid !== undefined && !tenant.allowsIndex(indexUid)) throw invalidKey();
  return tenant;
}
