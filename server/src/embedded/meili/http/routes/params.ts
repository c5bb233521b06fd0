import { MeiliError } from '../../errors.js';

/** A non-negative integer query parameter, with Meilisearch's `invalid_<resource>_<name>` error. */
export function integerParam(query: URLSearchParams, name: string, fallback: number, code: string): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) {
    throw new MeiliError(
      code,
      `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a positive integer`,
    );
  }
  return Number(raw);
}

/** Comma-separated list parameter (the client joins arrays with `,`). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  return raw === null
    ? undefined
    : raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
}

export function paginate<T>(items: T[], query: URLSearchParams, resource: string) {
  const offset = integerParam(query, 'offset', 0, `invalid_${resource}_offset`);
  const limit = integerParam(query, 'limit', 20, `invalid_${resource}_limit`);
  return { results: items.slice(offset, offset + limit), offset, limit, total: items.length };
}
