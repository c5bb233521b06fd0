import type { CollationSpec } from 'mingo/types';
import type { EvalOptions } from '../engine/query.js';
import type { Args } from './args.js';

/** The collation and `let` variables a read or write command carries. */
export function evalOptions(args: Args): EvalOptions {
  return {
    collation: args.doc('collation') as CollationSpec | undefined,
    variables: args.doc('let'),
  };
}

export function namespace(db: string, collection: string): string {
  return `${db}.${collection}`;
}
