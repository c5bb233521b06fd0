import { MongoCommandError, type Doc } from '../errors.js';
import { valueKey } from '../keys.js';
import { isIdIndex, matchExisting, parseIndexSpec } from '../engine/index-spec.js';
import type { Collection } from '../engine/collection.js';
import { batchOptions } from './admin.js';
import type { CommandContext, CommandHandler } from './context.js';
import { namespace } from './read-options.js';

function createIndexes(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['indexes', 'commitQuorum'] });
  const coll = args.collectionName();
  const requested = (args.array('indexes') ?? []).map(parseIndexSpec);
  if (requested.length === 0) throw new MongoCommandError(2, 'Must specify at least one index to create');
  const existed = ctx.state.catalog.collection(ctx.db, coll) !== undefined;
  const collection = ctx.state.catalog.collectionForWrite(ctx.db, coll);
  const numIndexesBefore = collection.indexSpecs().length;
  const fresh = requested.filter(
    (spec) => !isIdIndex(spec) && matchExisting(spec, collection.indexSpecs()) === 'new',
  );
  for (const spec of fresh) collection.addIndex(spec);
  const reply: Doc = {
    numIndexesBefore,
    numIndexesAfter: collection.indexSpecs().length,
    createdCollectionAutomatically: !existed,
  };
  if (fresh.length === 0) reply['note'] = 'all indexes already exist';
  return { ...reply, ok: 1 };
}

function existingCollection(ctx: CommandContext, coll: string, message: string): Collection {
  const collection = ctx.state.catalog.collection(ctx.db, coll);
  if (!collection) throw new MongoCommandError(26, `${message} ${namespace(ctx.db, coll)}`);
  return collection;
}

function listIndexes(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['cursor'] });
  const coll = args.collectionName();
  const collection = existingCollection(ctx, coll, 'ns does not exist:');
  return ctx.state.cursors.firstBatch(
    namespace(ctx.db, coll),
    collection.indexSpecs(),
    batchOptions(args.doc('cursor')),
  );
}

/** `index` is a name, a key pattern, a list of names, or "*" for every index but `_id_`. */
function dropIndexes(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['index'] });
  const coll = args.collectionName();
  const collection = existingCollection(ctx, coll, 'ns not found');
  const nIndexesWas = collection.indexSpecs().length;
  for (const name of indexNamesToDrop(collection, args.body['index'])) collection.dropIndex(name);
  return { nIndexesWas, ok: 1 };
}

function indexNamesToDrop(collection: Collection, selector: unknown): string[] {
  if (selector === '*') return [...collection.indexes.keys()];
  const names = Array.isArray(selector) ? selector : [selector];
  return names.map((item) => {
    const spec = collection
      .indexSpecs()
      .find((candidate) =>
        typeof item === 'string' ? candidate.name === item : valueKey(candidate.key) === valueKey(item),
      );
    if (!spec) {
      const described =
        typeof item === 'string' ? `index not found with name [${item}]` : "can't find index with key";
      throw new MongoCommandError(27, described);
    }
    if (isIdIndex(spec)) throw new MongoCommandError(72, 'cannot drop _id index');
    return spec.name;
  });
}

export const indexCommands: Record<string, CommandHandler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
