import { describe, expect, it } from 'vitest';
import { parseFilter } from './parser.js';

const errorOf = (filter: string) => {
  try {
    parseFilter(filter);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`"${filter}" parsed`);
};

describe('filter parser', () => {
  it('binds OR loosest, then AND, then NOT', () => {
    const tree = parseFilter('a = 1 OR b = 2 AND NOT c = 3');
    expect(tree.type).toBe('or');
    expect(tree.type === 'or' && tree.children[1]!.type).toBe('and');
  });

  it('reads quoted values with escapes and unquoted values with dots and dashes', () => {
    const tree = parseFilter(`title = 'l\\'avion' AND date = 2024-01-01 AND v = 1.5`);
    expect(JSON.stringify(tree)).toContain(`"value":"l'avion"`);
    expect(JSON.stringify(tree)).toContain('"value":"2024-01-01"');
  });

  it('lays errors out as diagnosis, newline, 1-based columns and the filter', () => {
    expect(errorOf('title & x')).toBe(
      'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, or `_geoBoundingBox` at `title & x`.\n1:10 title & x',
    );
    expect(errorOf('a = 1 b = 2')).toBe(
      'Found unexpected characters at the end of the filter: `b = 2`. You probably forgot an `OR` or an `AND` rule.\n7:12 a = 1 b = 2',
    );
    expect(errorOf('a IN [1, 2')).toContain('Expected matching `]`');
    expect(errorOf('a = AND')).toContain('which is a reserved keyword');
  });

  it('counts columns in characters, so Chinese filters point at the right place', () => {
    expect(errorOf('领域 = 生态铝 地区')).toMatch(/\n10:12 领域 = 生态铝 地区$/);
  });
});
