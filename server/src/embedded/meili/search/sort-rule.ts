import { Bitset } from '../engine/bitset.js';
import type { Document } from '../engine/fields.js';
import { valuesAtPath } from '../engine/fields.js';
import type { RankingRule, RuleGroup } from './rules.js';

/** A document's sort key: numbers before strings, documents without a value last. */
export interface SortKey {
  kind: 0 | 1 | 2;
  value: number | string | null;
}

const MISSING: SortKey = { kind: 2, value: null };
/** Above this size, walking the cached global order beats sorting the bucket. */
const GLOBAL_ORDER_THRESHOLD = 2048;

export function sortKeyOf(document: Document | undefined, path: string, ascending: boolean): SortKey {
  if (!document) return MISSING;
  let best: SortKey = MISSING;
  for (const value of valuesAtPath(document, path)) {
    const key: SortKey | undefined =
      typeof value === 'number' && Number.isFinite(value)
        ? { kind: 0, value }
        : typeof value === 'string' || typeof value === 'boolean'
          ? { kind: 1, value: String(value).toLowerCase() }
          : undefined;
    if (key && compareKeys(key, best, ascending) < 0) best = key;
  }
  return best;
}

function compareKeys(a: SortKey, b: SortKey, ascending: boolean): number {
  if (a.kind !== b.kind) return a.kind - b.kind;
  if (a.value === b.value || a.kind === 2) return 0;
  const order = (a.value as number | string) < (b.value as number | string) ? -1 : 1;
  return ascending ? order : -order;
}

export interface SortSource {
  documents: (Document | undefined)[];
  /** Live documents in sort order for `path`/direction, cached per index version. */
  globalOrder(path: string, ascending: boolean): { docids: Uint32Array; keys: SortKey[] };
}

export function buildGlobalOrder(
  documents: (Document | undefined)[],
  live: number[],
  path: string,
  ascending: boolean,
): { docids: Uint32Array; keys: SortKey[] } {
  const keyed = live.map((docid) => ({ docid, key: sortKeyOf(documents[docid], path, ascending) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, ascending) || a.docid - b.docid);
  return { docids: Uint32Array.from(keyed, (entry) => entry.docid), keys: keyed.map((entry) => entry.key) };
}

/** The `sort` search parameter and custom `attr:asc|desc` ranking rules. */
export function sortRule(
  source: SortSource,
  path: string,
  ascending: boolean,
  capacity: number,
): RankingRule {
  const name = `${path}:${ascending ? 'asc' : 'desc'}`;
  const group = (docs: number[], key: SortKey): RuleGroup => ({
    docs,
    ranks: [],
    detail: { value: key.value },
  });
  return {
    name,
    *partition(docs) {
      if (docs.length <= GLOBAL_ORDER_THRESHOLD) {
        const keyed = docs.map((docid) => ({
          docid,
          key: sortKeyOf(source.documents[docid], path, ascending),
        }));
        keyed.sort((a, b) => compareKeys(a.key, b.key, ascending) || a.docid - b.docid);
        yield* runsOf(
          keyed.map((e) => e.docid),
          keyed.map((e) => e.key),
          ascending,
          group,
        );
        return;
      }
      const members = Bitset.of(capacity, docs);
      const order = source.globalOrder(path, ascending);
      const ids: number[] = [];
      const keys: SortKey[] = [];
      order.docids.forEach((docid, index) => {
        if (!members.has(docid)) return;
        ids.push(docid);
        keys.push(order.keys[index]!);
      });
      yield* runsOf(ids, keys, ascending, group);
    },
  };
}

function* runsOf(
  ids: number[],
  keys: SortKey[],
  ascending: boolean,
  group: (docs: number[], key: SortKey) => RuleGroup,
): Iterable<RuleGroup> {
  let start = 0;
  for (let i = 1; i <= ids.length; i++) {
    if (i === ids.length || compareKeys(keys[i]!, keys[start]!, ascending) !== 0) {
      yield group(
        ids.slice(start, i).sort((a, b) => a - b),
        keys[start]!,
      );
      start = i;
    }
  }
}
