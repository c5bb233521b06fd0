import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { z } from 'zod';

type QueryValue = string | number | boolean | undefined;

/** A search query schema of the API: a zod object of optional or defaulted scalar parameters. */
export type SearchQuerySchema = z.ZodObject<Record<string, z.ZodType<QueryValue>>>;

const first = (value: LocationQuery[string] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? undefined;

/**
 * The search a URL asks for, parameter by parameter with the API's own schema: a parameter that is not valid
 * (hand-edited or stale link) falls back to its default alone instead of failing the whole search.
 */
export function searchFromRoute<S extends SearchQuerySchema>(schema: S, query: LocationQuery): z.output<S> {
  const search: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(schema.shape)) {
    const given = param.safeParse(first(query[key]) ?? undefined);
    const value = given.success ? given.data : param.safeParse(undefined).data;
    if (value !== undefined) search[key] = value;
  }
  return search as z.output<S>;
}

/**
 * The URL query of a search: only what differs from the defaults, so links stay short and a fresh search page
 * has a clean URL. `omit` leaves out parameters a page presets itself (e.g. kind on the challenges page).
 */
export function routeFromSearch<S extends SearchQuerySchema>(
  schema: S,
  search: Partial<z.output<S>>,
  omit: readonly string[] = [],
): LocationQueryRaw {
  const defaults = searchFromRoute(schema, {}) as Record<string, unknown>;
  const query: LocationQueryRaw = {};
  for (const [key, value] of Object.entries(search as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '' || omit.includes(key)) continue;
    if (value === defaults[key]) continue;
    query[key] = String(value);
  }
  return query;
}

/** The filters that narrow a search (not the text, order or page), e.g. to count them on a "filters" button. */
export function activeFilters(
  search: Record<string, unknown>,
  ignore: readonly string[] = [],
): [key: string, value: string][] {
  const notFilters = new Set(['q', 'sort', 'page', 'pageSize', ...ignore]);
  return Object.entries(search)
    .filter(([key, value]) => !notFilters.has(key) && value !== undefined && value !== '')
    .map(([key, value]) => [key, String(value)]);
}
