import { MeiliError } from '../errors.js';
import type { IndexEngine } from '../engine/index-engine.js';
import type { SearchContext } from './context.js';
import { buildTermPositions } from './term-positions.js';
import type { SearchQuery } from './params.js';
import type { RankingRule, TextState } from './rules.js';
import { attributeRankRule, exactnessRule, proximityRule, typoRule, wordPositionRule } from './rules.js';
import { sortRule } from './sort-rule.js';
import type { FieldRestriction } from './term-docs.js';
import type { TextQuery } from './text-query.js';

const SORT_EXPRESSION = /^(.+):(asc|desc)$/;

/** Check the `sort` parameter: syntax, sortable attributes, and the `sort` ranking rule. */
export function validateSort(engine: IndexEngine, sort: string[] | undefined): void {
  if (!sort?.length) return;
  const sortable = engine.settings.sortableAttributes;
  for (const expression of sort) {
    const match = SORT_EXPRESSION.exec(expression);
    if (!match || expression.startsWith('_geoPoint(')) {
      throw new MeiliError(
        'invalid_search_sort',
        `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${expression}\`.`,
      );
    }
    const attribute = match[1]!;
    if (!sortable.some((name) => name === attribute || attribute.startsWith(`${name}.`))) {
      const available = sortable.length
        ? `Available sortable attributes are: \`${sortable.join(', ')}\`.`
        : 'This index does not have configured sortable attributes.';
      throw new MeiliError(
        'invalid_search_sort',
        `Index \`${engine.uid}\`: Attribute \`${attribute}\` is not sortable. ${available}`,
      );
    }
  }
  if (!engine.settings.rankingRules.includes('sort')) {
    throw new MeiliError(
      'invalid_search_sort',
      `Index \`${engine.uid}\`: You must specify where \`sort\` is listed in the rankingRules setting to use the sort parameter at search time.`,
    );
  }
}

/** The index's ranking rules as executable rules; `words` is applied by the bucket generator. */
export function buildRankingRules(engine: IndexEngine, context: SearchContext, query: SearchQuery) {
  const capacity = engine.store.capacity;
  const names = engine.settings.rankingRules.flatMap((name) =>
    name === 'attribute' ? ['attributeRank', 'wordPosition'] : [name],
  );
  return {
    textState(
      text: TextQuery,
      restriction: FieldRestriction & { rankOfField(bitIndex: number): number },
    ): TextState {
      return {
        termDocs: text.termDocs,
        maxTypos: text.derivations.map((derivation) => derivation.maxTypos),
        positions: (t, docs) => buildTermPositions(text.derivations[t]!, engine.inverted, restriction, docs),
        fieldRank: restriction.rankOfField,
        searchableCount: context.searchableCount,
      };
    },
    build(state: TextState | undefined): RankingRule[] {
      return names.flatMap((name): RankingRule[] => {
        if (name === 'sort') {
          return (query.sort ?? []).map((expression) => {
            const [, path, direction] = SORT_EXPRESSION.exec(expression)!;
            return sortRule(context, path!, direction === 'asc', capacity);
          });
        }
        const custom = SORT_EXPRESSION.exec(name);
        if (custom) return [sortRule(context, custom[1]!, custom[2] === 'asc', capacity)];
        if (!state) return [];
        const textRules: Record<string, (s: TextState) => RankingRule> = {
          typo: typoRule,
          proximity: proximityRule,
          attributeRank: attributeRankRule,
          wordPosition: wordPositionRule,
          exactness: exactnessRule,
        };
        const make = textRules[name];
        return make ? [make(state)] : [];
      });
    },
  };
}
