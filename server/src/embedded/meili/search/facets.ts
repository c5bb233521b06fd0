import { MeiliError } from '../errors.js';
import type { Bitset } from '../engine/bitset.js';
import type { IndexEngine } from '../engine/index-engine.js';
import { filterRuleFor } from '../engine/index-engine.js';
import type { GrowableUint32 } from '../engine/growable.js';
import { patternMatches } from '../engine/fields.js';

export type FacetDistribution = Record<string, Record<string, number>>;
export type FacetStats = Record<string, { min: number; max: number }>;

export function filterablePatterns(engine: IndexEngine): string[] {
  return engine.settings.filterableAttributes.flatMap((rule) =>
    typeof rule === 'string' ? [rule] : rule.attributePatterns,
  );
}

/** Expand the `facets` parameter (names or patterns) to facet paths, rejecting non-filterable names. */
export function resolveFacetNames(engine: IndexEngine, requested: string[]): string[] {
  const names = new Set<string>();
  for (const name of requested) {
    if (name.includes('*')) {
      for (const path of engine.facets.fields.keys()) if (patternMatches(name, path)) names.add(path);
      continue;
    }
    if (!filterRuleFor(engine.settings, name)) {
      const patterns = filterablePatterns(engine);
      const available = patterns.length
        ? `Available filterable attributes patterns are: \`${patterns.join(', ')}\`.`
        : 'This index does not have configured filterable attributes.';
      throw new MeiliError(
        'invalid_search_facets',
        `Index \`${engine.uid}\`: Invalid facet distribution: Attribute \`${name}\` is not filterable. ${available}`,
      );
    }
    names.add(name);
  }
  return [...names];
}

function countIn(list: GrowableUint32, candidates: Bitset): number {
  let count = 0;
  for (let i = 0; i < list.length; i++) if (candidates.has(list.data[i]!)) count++;
  return count;
}

/** Value counts among `candidates` per facet, ordered and capped as the faceting settings say. */
export function computeFacets(engine: IndexEngine, names: string[], candidates: Bitset) {
  const distribution: FacetDistribution = {};
  const stats: FacetStats = {};
  const { maxValuesPerFacet, sortFacetValuesBy } = engine.settings.faceting;
  for (const name of names) {
    const facet = engine.facets.fields.get(name);
    const counts: [string, number][] = [];
    let min = Infinity;
    let max = -Infinity;
    for (const key of facet?.numberKeys() ?? []) {
      const count = countIn(facet!.numbers.get(key)!, candidates);
      if (count === 0) continue;
      counts.push([String(key), count]);
      min = Math.min(min, key);
      max = Math.max(max, key);
    }
    for (const key of facet?.stringKeys() ?? []) {
      const entry = facet!.strings.get(key)!;
      const count = countIn(entry.docs, candidates);
      if (count > 0) counts.push([entry.original, count]);
    }
    if ((sortFacetValuesBy[name] ?? sortFacetValuesBy['*']) === 'count') counts.sort((a, b) => b[1] - a[1]);
    distribution[name] = Object.fromEntries(counts.slice(0, maxValuesPerFacet));
    if (Number.isFinite(min)) stats[name] = { min, max };
  }
  return { distribution, stats };
}
