import type { Bitset } from '../engine/bitset.js';
import type { IndexEngine } from '../engine/index-engine.js';
import { filterRuleFor } from '../engine/index-engine.js';
import type { FilterContext } from '../filter/evaluate.js';
import { filterablePatterns } from './facets.js';

export function filterContext(engine: IndexEngine, universe: Bitset): FilterContext {
  return {
    indexUid: engine.uid,
    capacity: engine.store.capacity,
    universe,
    field: (path) => engine.facets.fields.get(path),
    rule: (path) => filterRuleFor(engine.settings, path),
    filterablePatterns: filterablePatterns(engine),
    containsFilterEnabled: engine.features.containsFilter,
  };
}
