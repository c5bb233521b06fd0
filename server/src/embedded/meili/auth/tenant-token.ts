import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Caller } from './authorize.js';
import type { KeyStore } from './keys.js';
import { covers, grants } from './keys.js';

interface TenantClaims {
  apiKeyUid?: string;
  searchRules?: Record<string, { filter?: unknown } | null> | string[];
  exp?: number;
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;

/** A tenant token: an HS256 JWT signed with a search API key, narrowing it with `searchRules`. */
export function verifyTenantToken(keys: KeyStore, token: string): Caller | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = decode(parts[0]!) as { alg?: string };
    const claims = decode(parts[1]!) as TenantClaims;
    if (header.alg !== 'HS256' || !claims.apiKeyUid || !claims.searchRules) return undefined;
    if (claims.exp !== undefined && claims.exp * 1000 <= Date.now()) return undefined;
    const key = keys.get(claims.apiKeyUid);
    const expected = createHmac('sha256', key.key).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2]!, 'base64url');
    if (
      given.length !== expected.length ||
      !timingSafeEqual(given, expected) ||
      !grants(key.actions, 'search')
    )
      return undefined;
    const rules = Array.isArray(claims.searchRules)
      ? Object.fromEntries(claims.searchRules.map((pattern) => [pattern, null]))
      : claims.searchRules;
    const ruleFor = (uid: string) => Object.entries(rules).find(([pattern]) => covers([pattern], uid));
    return {
      allowsIndex: (uid) => covers(key.indexes, uid) && ruleFor(uid) !== undefined,
      searchFilter: (uid) => ruleFor(uid)?.[1]?.filter,
    };
  } catch {
    return undefined;
  }
}
