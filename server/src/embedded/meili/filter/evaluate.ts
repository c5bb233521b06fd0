import { MeiliError } from '../errors.js';
import { Bitset } from '../engine/bitset.js';
import type { FacetField } from '../engine/facet-index.js';
import { normalizeFacet } from '../engine/facet-index.js';
import type { GrowableUint32 } from '../engine/growable.js';
import type { Condition, FilterNode, Span } from './ast.js';
import { parseFilter } from './parser.js';

export interface FilterRule {
  equality: boolean;
  comparison: boolean;
}

/** What a filter needs from an index; kept narrow so the filter module knows nothing of indexing. */
export interface FilterContext {
  indexUid: string;
  capacity: number;
  /** Live documents: `NOT` and `!=` complement against this set. */
  universe: Bitset;
  field(path: string): FacetField | undefined;
  rule(path: string): FilterRule | undefined;
  filterablePatterns: string[];
  containsFilterEnabled: boolean;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMPARISON_KINDS = new Set(['range']);
const COMPARISON_OPERATORS = new Set(['>', '>=', '<', '<=']);

export type FilterParam = string | (string | string[])[];

/** Check a `filter` search/document parameter's JSON type; `code` is the route's error code. */
export function assertFilterType(
  filter: unknown,
  code: string,
): asserts filter is FilterParam | null | undefined {
  if (filter === undefined || filter === null || typeof filter === 'string') return;
  if (!Array.isArray(filter)) {
    throw new MeiliError(
      code,
      `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(filter)}\`.`,
    );
  }
  for (const element of filter) {
    const ok =
      typeof element === 'string' || (Array.isArray(element) && element.every((e) => typeof e === 'string'));
    if (!ok) {
      throw new MeiliError(
        code,
        `Invalid type for filter subexpression: expected: String, [String], found: ${JSON.stringify(element)}.`,
      );
    }
  }
}

/** Parse the string or array form into one tree; `null` when the filter selects everything. */
export function parseFilterParam(filter: FilterParam | null | undefined): FilterNode | null {
  if (filter === undefined || filter === null) return null;
  if (typeof filter === 'string') return filter.trim() ? parseFilter(filter) : null;
  const parts = filter.flatMap((element): FilterNode[] => {
    if (typeof element === 'string') return element.trim() ? [parseFilter(element)] : [];
    const alternatives = element.filter((e) => e.trim()).map(parseFilter);
    return alternatives.length ? [{ type: 'or', children: alternatives }] : [];
  });
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : { type: 'and', children: parts };
}

export function evaluateFilter(node: FilterNode, context: FilterContext): Bitset {
  checkAttributes(node, context);
  return new Evaluator(context).evaluate(node);
}

function checkAttributes(node: FilterNode, context: FilterContext): void {
  if (node.type === 'not') return checkAttributes(node.child, context);
  if (node.type !== 'condition') return node.children.forEach((child) => checkAttributes(child, context));
  const field = node.field;
  const rule = context.rule(field.value);
  if (!rule || (!rule.equality && !rule.comparison)) throw notFilterable(field, node, context);
  const operator = operatorName(node.condition, node.negated);
  const needsComparison =
    COMPARISON_KINDS.has(node.condition.kind) ||
    (node.condition.kind === 'compare' && COMPARISON_OPERATORS.has(node.condition.op));
  if (needsComparison ? !rule.comparison : !rule.equality) {
    throw new MeiliError(
      'invalid_search_filter',
      `Index \`${context.indexUid}\`: Filter operator \`${operator}\` is not allowed for the attribute \`${field.value}\`.\n${field.start + 1}:${field.end + 1} ${node.source}`,
    );
  }
  if (
    (node.condition.kind === 'contains' || node.condition.kind === 'startsWith') &&
    !context.containsFilterEnabled
  ) {
    throw new MeiliError(
      'feature_not_enabled',
      `Using \`${operator}\` in a filter requires enabling the \`contains filter\` experimental feature. See https://github.com/orgs/meilisearch/discussions/763`,
    );
  }
}

function notFilterable(
  field: Span,
  node: FilterNode & { type: 'condition' },
  context: FilterContext,
): MeiliError {
  const available = context.filterablePatterns.length
    ? `Available filterable attribute patterns are: \`${context.filterablePatterns.join(', ')}\`.`
    : 'This index does not have configured filterable attributes.';
  return new MeiliError(
    'invalid_search_filter',
    `Index \`${context.indexUid}\`: Attribute \`${field.value}\` is not filterable. ${available}\n${field.start + 1}:${field.end + 1} ${node.source}`,
  );
}

function operatorName(condition: Condition, negated: boolean): string {
  const not = negated ? 'NOT ' : '';
  switch (condition.kind) {
    case 'compare':
      return condition.op;
    case 'range':
      return 'TO';
    case 'in':
      return `${not}IN`;
    case 'exists':
      return `${not}EXISTS`;
    case 'null':
      return negated ? 'IS NOT NULL' : 'IS NULL';
    case 'empty':
      return negated ? 'IS NOT EMPTY' : 'IS EMPTY';
    case 'contains':
      return `${not}CONTAINS`;
    case 'startsWith':
      return `${not}STARTS WITH`;
  }
}

const asNumber = (span: Span): number | undefined => {
  if (!NUMBER.test(span.value)) return undefined;
  const value = Number(span.value);
  return Number.isFinite(value) ? value : undefined;
};

/** Document ids to add to a condition's set: a posting list, or a slice of one. */
type DocList = Pick<GrowableUint32, 'data' | 'length'>;

class Evaluator {
  constructor(private readonly context: FilterContext) {}

  evaluate(node: FilterNode): Bitset {
    switch (node.type) {
      case 'and':
        return node.children.map((child) => this.evaluate(child)).reduce((a, b) => a.and(b));
      case 'or':
        return node.children.map((child) => this.evaluate(child)).reduce((a, b) => a.or(b));
      case 'not':
        return this.context.universe.andNot(this.evaluate(node.child));
      case 'condition': {
        const matched = this.condition(this.context.field(node.field.value), node.condition);
        const inUniverse = matched.and(this.context.universe);
        return node.negated || (node.condition.kind === 'compare' && node.condition.op === '!=')
          ? this.context.universe.andNot(inUniverse)
          : inUniverse;
      }
    }
  }

  private condition(facet: FacetField | undefined, condition: Condition): Bitset {
    const out = new Bitset(this.context.capacity);
    if (!facet) return out;
    const add = (list: DocList | undefined) => {
      if (!list) return;
      for (let i = 0; i < list.length; i++) out.add(list.data[i]!);
    };
    switch (condition.kind) {
      case 'compare':
        if (condition.op === '=' || condition.op === '!=') this.addEqual(facet, condition.value, add);
        else this.addRange(facet, condition.op, condition.value, add);
        break;
      case 'range':
        this.addRange(facet, '>=', condition.low, add, condition.high);
        break;
      case 'in':
        for (const value of condition.values) this.addEqual(facet, value, add);
        break;
      case 'exists':
        add(facet.exists);
        break;
      case 'null':
        add(facet.nulls);
        break;
      case 'empty':
        add(facet.empties);
        break;
      case 'contains':
      case 'startsWith': {
        const needle = normalizeFacet(condition.value.value);
        const test =
          condition.kind === 'contains'
            ? (key: string) => key.includes(needle)
            : (key: string) => key.startsWith(needle);
        for (const [key, entry] of facet.strings) if (test(key)) add(entry.docs);
      }
    }
    return out;
  }

  private addEqual(facet: FacetField, value: Span, add: (list: DocList | undefined) => void): void {
    add(facet.strings.get(normalizeFacet(value.value))?.docs);
    const number = asNumber(value);
    if (number !== undefined) add(facet.numbers.get(number));
  }

  /** `op value` or, with `high`, the inclusive `value TO high`: numeric range ∪ lexicographic string range. */
  private addRange(
    facet: FacetField,
    op: string,
    value: Span,
    add: (list: DocList | undefined) => void,
    high?: Span,
  ): void {
    const bounds = <T extends number | string>(low: T, up: T | undefined): Bounds<T> =>
      high
        ? {
            lower: { value: low, inclusive: true },
            upper: up === undefined ? undefined : { value: up, inclusive: true },
          }
        : op === '>' || op === '>='
          ? { lower: { value: low, inclusive: op === '>=' } }
          : { upper: { value: low, inclusive: op === '<=' } };
    const number = asNumber(value);
    const highNumber = high ? asNumber(high) : undefined;
    if (number !== undefined && (!high || highNumber !== undefined)) {
      const { values, docs } = facet.numbersInOrder();
      const [from, to] = rangeOf(values, bounds(number, highNumber));
      add({ data: docs.subarray(from, to), length: to - from });
    }
    const textBounds = bounds(normalizeFacet(value.value), high ? normalizeFacet(high.value) : undefined);
    if (!high || textBounds.upper) {
      const keys = facet.stringKeys();
      const [from, to] = rangeOf(keys, textBounds);
      for (let i = from; i < to; i++) add(facet.strings.get(keys[i]!)?.docs);
    }
  }
}

interface Bounds<T> {
  lower?: { value: T; inclusive: boolean };
  upper?: { value: T; inclusive: boolean };
}

/** The slice `[from, to)` of a sorted list (repeats allowed) that lies within bounds, by binary search. */
function rangeOf<T extends number | string>(
  keys: ArrayLike<T>,
  { lower, upper }: Bounds<T>,
): [number, number] {
  const firstWhere = (past: (key: T) => boolean) => {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (past(keys[mid]!)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const from = lower
    ? firstWhere((key) => key < lower.value || (!lower.inclusive && key === lower.value))
    : 0;
  const to = upper
    ? firstWhere((key) => key < upper.value || (upper.inclusive && key === upper.value))
    : keys.length;
  return [from, Math.max(from, to)];
}
