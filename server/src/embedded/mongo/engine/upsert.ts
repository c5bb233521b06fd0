import { ObjectId } from 'bson';
import type { Doc } from '../errors.js';
import { ingest, isPlainObject, withoutKey, type Ingested } from '../values.js';
import { applyOperators, applyPipeline, updateKind, type UpdateStatement } from './update.js';

/**
 * The document an upsert inserts when nothing matched (mingo has no upsert): the equality fields of the
 * filter, then the update applied with `$setOnInsert` acting as `$set`, then an ObjectId `_id` if none.
 * `wireFilter` is the filter as received, so seeded values keep their BSON types.
 */
export function buildUpsertDocument(statement: UpdateStatement, wireFilter: Doc): Ingested {
  const kind = updateKind(statement.update);
  if (kind === 'replacement') {
    const seededId = equalityFields(wireFilter)['_id'];
    const replacement = statement.wireUpdate as Doc;
    return withIdFirst(ingest(seededId === undefined ? replacement : { _id: seededId, ...replacement }));
  }
  const seed = ingest(equalityFields(wireFilter));
  // Passing the seed's wire form makes the update replay on it, so seeded and placed values keep their types.
  const seeded: Ingested = { view: seed.view, wire: seed.wire ?? seed.view };
  const result =
    kind === 'pipeline'
      ? applyPipeline(seeded, statement)
      : applyOperators(
          seeded,
          insertModifier(statement.update as Doc),
          insertModifier(statement.wireUpdate as Doc),
          statement,
        );
  return withIdFirst(result ?? seed);
}

function insertModifier(modifier: Doc): Doc {
  const onInsert = modifier['$setOnInsert'] as Doc | undefined;
  if (!onInsert) return modifier;
  const rest = withoutKey(modifier, '$setOnInsert');
  return { ...rest, $set: { ...(rest['$set'] as Doc | undefined), ...onInsert } };
}

/** Fields a filter pins to one value: `{a: v}` and `{a: {$eq: v}}`, at top level and inside `$and`. */
function equalityFields(filter: Doc): Doc {
  const seed: Doc = {};
  for (const [path, condition] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) Object.assign(seed, equalityFields(clause));
    } else if (!path.startsWith('$')) {
      const value = pinnedValue(condition);
      if (value !== undefined) setPath(seed, path, value);
    }
  }
  return seed;
}

function pinnedValue(condition: unknown): unknown {
  if (!isPlainObject(condition)) return condition;
  const keys = Object.keys(condition);
  if (!keys.some((key) => key.startsWith('$'))) return condition;
  return '$eq' in condition ? condition['$eq'] : undefined;
}

function setPath(target: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Doc;
  }
  node[parts[parts.length - 1] ?? path] = value;
}

/** MongoDB stores `_id` as the first field, generating an ObjectId when the document has none. */
export function withIdFirst(doc: Ingested): Ingested {
  if (firstKey(doc.view) === '_id' && (!doc.wire || firstKey(doc.wire) === '_id')) return doc;
  const id = doc.view['_id'] ?? new ObjectId();
  const view = { _id: id, ...doc.view };
  const wire = doc.wire && { _id: doc.wire['_id'] ?? id, ...doc.wire };
  return { view, wire };
}

function firstKey(doc: Doc): string | undefined {
  for (const key in doc) return key;
  return undefined;
}
