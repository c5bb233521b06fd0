/** A field name or value as written in the filter, with its code-point span for error columns. */
export interface Span {
  value: string;
  start: number;
  end: number;
}

export type ComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type Condition =
  | { kind: 'compare'; op: ComparisonOperator; value: Span }
  | { kind: 'range'; low: Span; high: Span }
  | { kind: 'in'; values: Span[] }
  | { kind: 'exists' }
  | { kind: 'null' }
  | { kind: 'empty' }
  | { kind: 'contains'; value: Span }
  | { kind: 'startsWith'; value: Span };

export type FilterNode =
  | { type: 'and' | 'or'; children: FilterNode[] }
  | { type: 'not'; child: FilterNode }
  | { type: 'condition'; field: Span; condition: Condition; negated: boolean; source: string };
