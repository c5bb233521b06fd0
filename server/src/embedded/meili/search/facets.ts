import { MeiliError } from '../errors.js';
import type { Bitset } from '../engine/bitset.js';
import type { IndexEngine } from '../engine/index-engine.js';
import { filterRuleFor } from '../engine/index-engine.js';
import type { FacetField } from '../engine/facet-index.js';
import { patternMatches } from '../engine/fields.js';

export type FacetDistribution = Record<string, Record<string, number>>;
export type FacetStats = Record<string, { min: number; max: number }>;

export function filterablePatterns(engine: IndexEngine): string[] {
  return engine.settings.filterableAttributes.flatMap((rule) =>
    typeof rule === 'string' ? [rule] : rule.attributePatterns,
  );
}

/** The second sentence of Meilisearch's "not filterable" errors. */
export function filterableHint(engine: IndexEngine): string {
  const patterns = filterablePatterns(engine);
  return patterns.length
    ? `Available filterable attributes patterns are: \`${patterns.join(', ')}\`.`
    : 'This index does not have configured filterable attributes.';
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
      throw new MeiliError(
        'invalid_search_facets',
        `Index \`${engine.uid}\`: Invalid facet distribution: Attribute \`${name}\` is not filterable. ${filterableHint(engine)}`,
      );
    }
    names.add(name);
  }
  return [...names];
}

/**
 * How many candidates carry each value: by walking the candidates' values, or — when the facet has so few
 * values that intersecting whole sets is cheaper than visiting each candidate — by counting intersections.
 */
function countValues(facet: FacetField, candidates: Bitset, candidateCount: number, capacity: number) {
  const counts = new Int32Array(facet.valueCount());
  const words = (capacity + 31) >>> 5;
  if (counts.length * words < 2 * candidateCount) {
    facet.documentsByValue(capacity).forEach((docs, value) => (counts[value] = docs.andCount(candidates)));
    return counts;
  }
  const { offsets, values } = facet.valuesByDocument(capacity);
  candidates.forEach((docid) => {
    for (let i = offsets[docid]!; i < offsets[docid + 1]!; i++) counts[values[i]!]!++;
  });
  return counts;
}

export function computeFacets(engine: IndexEngine, names: string[], candidates: Bitset) {
  const distribution: FacetDistribution = {};
  const stats: FacetStats = {};
  const { maxValuesPerFacet, sortFacetValuesBy } = engine.settings.faceting;
  const candidateCount = candidates.count();
  for (const name of names) {
    const facet = engine.facets.fields.get(name);
    const numbers = facet?.numberKeys() ?? new Float64Array(0);
    const strings = facet?.stringKeys() ?? [];
    const counts = facet
      ? countValues(facet, candidates, candidateCount, engine.store.capacity)
      : new Int32Array(0);
    const entries: [string, number][] = [];
    counts.forEach((count, index) => {
      if (count === 0) return;
      const label =
        index < numbers.length
          ? String(numbers[index])
          : facet!.strings.get(strings[index - numbers.length]!)!.original;
      entries.push([label, count]);
    });
    const present = [...numbers].filter((_, index) => counts[index]! > 0);
    if ((sortFacetValuesBy[name] ?? sortFacetValuesBy['*']) === 'count') entries.sort((a, b) => b[1] - a[1]);
    distribution[name] = Object.fromEntries(entries.slice(0, maxValuesPerFacet));
    if (present.length) stats[name] = { min: present[0]!, max: present[present.length - 1]! };
  }
  return { distribution, stats };
}
