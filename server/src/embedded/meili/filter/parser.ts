import type { ComparisonOperator, Condition, FilterNode, Span } from './ast.js';
import type { FilterToken } from './lexer.js';
import { FilterSyntaxError, KEYWORDS, tokenizeFilter } from './lexer.js';

const MAX_DEPTH = 150;
const OPERATION_LIST =
  '`=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, or `_geoBoundingBox`';

/** Recursive-descent parser for Meilisearch's filter grammar: OR < AND < NOT, parentheses, conditions. */
class Parser {
  private readonly chars: string[];
  private readonly tokens: FilterToken[];
  private index = 0;
  private depth = 0;

  constructor(private readonly filter: string) {
    this.chars = Array.from(filter);
    this.tokens = tokenizeFilter(this.chars, filter);
  }

  parse(): FilterNode {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest) this.fail(this.unexpectedEndMessage(rest), rest.start, this.chars.length);
    return node;
  }

  private unexpectedEndMessage(rest: FilterToken): string {
    const fragment = this.chars.slice(rest.start).join('');
    return `Found unexpected characters at the end of the filter: \`${fragment}\`. You probably forgot an \`OR\` or an \`AND\` rule.`;
  }

  private parseOr(): FilterNode {
    const children = [this.parseAnd()];
    while (this.isKeyword(this.peek(), 'OR')) {
      this.index++;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseAnd(): FilterNode {
    const children = [this.parseNot()];
    while (this.isKeyword(this.peek(), 'AND')) {
      this.index++;
      children.push(this.parseNot());
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private parseNot(): FilterNode {
    if (!this.isKeyword(this.peek(), 'NOT')) return this.parsePrimary();
    this.index++;
    return { type: 'not', child: this.nested(() => this.parseNot()) };
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      this.fail(
        'The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.',
        0,
        this.chars.length,
      );
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (token?.kind === 'punct' && token.text === '(') {
      this.index++;
      const inner = this.nested(() => this.parseOr());
      const close = this.peek();
      if (close?.kind !== 'punct' || close.text !== ')') {
        const fragment = this.chars.slice(token.start).join('');
        this.fail(
          `Expression \`${fragment}\` is missing the following closing delimiter: \`)\`.`,
          token.start,
          this.chars.length,
        );
      }
      this.index++;
      return inner;
    }
    if (
      token &&
      (token.text === '_geoRadius' || token.text === '_geoBoundingBox' || token.text === '_geoPolygon')
    ) {
      this.fail(
        `The \`${token.text}\` filter is not supported by this embedded service.`,
        token.start,
        token.end,
      );
    }
    return this.parseCondition();
  }

  private parseCondition(): FilterNode {
    const start = this.peek();
    if (!start || (start.kind !== 'word' && start.kind !== 'quoted') || this.isReserved(start)) {
      const from = start?.start ?? this.chars.length;
      const text = start ? `at \`${this.chars.slice(from).join('')}\`.` : 'but instead got nothing.';
      return this.fail(`Was expecting an operation ${OPERATION_LIST} ${text}`, from, this.chars.length);
    }
    this.index++;
    const field = this.span(start);
    const { condition, negated } = this.parseOperation(start);
    const source = this.chars.slice(start.start, this.previousEnd()).join('');
    return { type: 'condition', field, condition, negated, source };
  }

  private parseOperation(fieldToken: FilterToken): { condition: Condition; negated: boolean } {
    const token = this.peek();
    if (token?.kind === 'op') {
      this.index++;
      return {
        condition: { kind: 'compare', op: token.text as ComparisonOperator, value: this.parseValue() },
        negated: false,
      };
    }
    if (this.isKeyword(token, 'NOT')) {
      this.index++;
      return { condition: this.parsePositiveKeyword(fieldToken), negated: true };
    }
    if (this.isKeyword(token, 'IS')) {
      this.index++;
      const negated = this.isKeyword(this.peek(), 'NOT');
      if (negated) this.index++;
      const word = this.peek();
      if (this.isKeyword(word, 'NULL') || this.isKeyword(word, 'EMPTY')) {
        this.index++;
        return { condition: { kind: word!.text === 'NULL' ? 'null' : 'empty' }, negated };
      }
      return this.invalidOperation(fieldToken);
    }
    if (token && (token.kind === 'word' || token.kind === 'quoted') && !this.isReserved(token)) {
      const low = this.parseValue();
      if (!this.isKeyword(this.peek(), 'TO')) return this.invalidOperation(fieldToken);
      this.index++;
      return { condition: { kind: 'range', low, high: this.parseValue() }, negated: false };
    }
    return { condition: this.parsePositiveKeyword(fieldToken), negated: false };
  }

  private parsePositiveKeyword(fieldToken: FilterToken): Condition {
    const token = this.peek();
    if (this.isKeyword(token, 'IN')) {
      this.index++;
      return { kind: 'in', values: this.parseList() };
    }
    if (this.isKeyword(token, 'EXISTS')) {
      this.index++;
      return { kind: 'exists' };
    }
    if (this.isKeyword(token, 'CONTAINS')) {
      this.index++;
      return { kind: 'contains', value: this.parseValue() };
    }
    if (this.isKeyword(token, 'STARTS') && this.isKeyword(this.tokens[this.index + 1], 'WITH')) {
      this.index += 2;
      return { kind: 'startsWith', value: this.parseValue() };
    }
    return this.invalidOperation(fieldToken);
  }

  private invalidOperation(fieldToken: FilterToken): never {
    const fragment = this.chars.slice(fieldToken.start).join('');
    return this.fail(
      `Was expecting an operation ${OPERATION_LIST} at \`${fragment}\`.`,
      fieldToken.start,
      this.chars.length,
    );
  }

  private parseList(): Span[] {
    const open = this.peek();
    if (open?.kind !== 'punct' || open.text !== '[') {
      const at = open?.start ?? this.chars.length;
      return this.fail('Expected `[` after `IN` keyword.', at, this.chars.length);
    }
    this.index++;
    const values: Span[] = [];
    for (;;) {
      const token = this.peek();
      if (token?.kind === 'punct' && token.text === ']') break;
      if (!token || (token.kind !== 'word' && token.kind !== 'quoted') || this.isReserved(token)) {
        if (!token || token.kind === 'punct') {
          return this.fail(
            'Expected matching `]` after the list of field names given to `IN[`',
            open.start,
            this.chars.length,
          );
        }
        const kind = this.isReserved(token)
          ? `, which is a keyword. To use \`${token.text}\` as a field name or a value, surround it by quotes.`
          : '.';
        return this.fail(
          `Expected only comma-separated field names inside \`IN[..]\` but instead found \`${token.text}\`${kind}`,
          token.start,
          token.end,
        );
      }
      values.push(this.span(token));
      this.index++;
      const separator = this.peek();
      if (separator?.kind === 'punct' && separator.text === ',') this.index++;
      else if (separator?.kind !== 'punct' || separator.text !== ']') {
        return this.fail(
          'Expected matching `]` after the list of field names given to `IN[`',
          open.start,
          this.chars.length,
        );
      }
    }
    this.index++;
    return values;
  }

  private parseValue(): Span {
    const token = this.peek();
    if (!token)
      return this.fail(
        'Was expecting a value but instead got nothing.',
        this.chars.length,
        this.chars.length,
      );
    if (this.isReserved(token)) {
      return this.fail(
        `Was expecting a value but instead got \`${token.text}\`, which is a reserved keyword. To use \`${token.text}\` as a field name or a value, surround it by quotes.`,
        token.start,
        token.end,
      );
    }
    if (token.kind !== 'word' && token.kind !== 'quoted') {
      return this.fail(`Was expecting a value but instead got \`${token.text}\`.`, token.start, token.end);
    }
    this.index++;
    return this.span(token);
  }

  private span(token: FilterToken): Span {
    return { value: token.text, start: token.start, end: token.end };
  }

  private peek(): FilterToken | undefined {
    return this.tokens[this.index];
  }

  private previousEnd(): number {
    return this.tokens[this.index - 1]?.end ?? 0;
  }

  private isKeyword(token: FilterToken | undefined, keyword: string): boolean {
    return token?.kind === 'word' && token.text === keyword;
  }

  private isReserved(token: FilterToken): boolean {
    return token.kind === 'word' && KEYWORDS.has(token.text);
  }

  private fail(diagnosis: string, start: number, end: number): never {
    throw new FilterSyntaxError(diagnosis, start, end, this.filter);
  }
}

export function parseFilter(filter: string): FilterNode {
  return new Parser(filter).parse();
}
