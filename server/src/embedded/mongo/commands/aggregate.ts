import { MongoCommandError, type Doc } from '../errors.js';
import { runPipeline } from '../engine/aggregate.js';
import { withIdFirst } from '../engine/upsert.js';
import { ingest } from '../values.js';
import { batchOptions } from './admin.js';
import type { CommandContext, CommandHandler } from './context.js';
import { evalOptions, namespace } from './read-options.js';

function aggregate(ctx: CommandContext): Doc {
  const args = ctx.args.check({
    accepted: ['pipeline', 'cursor', 'allowDiskUse', 'bypassDocumentValidation', 'collation', 'hint', 'let'],
    unsupported: ['explain'],
  });
  const cursor = args.doc('cursor');
  if (!cursor) {
    throw new MongoCommandError(
      9,
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  const pipeline = args.array('pipeline');
  if (!pipeline)
    throw new MongoCommandError(40414, "BSON field 'aggregate.pipeline' is missing but a required field");
  const coll = args.body['aggregate'] === 1 ? undefined : args.collectionName();
  const { catalog } = ctx.state;
  const result = runPipeline({ catalog, db: ctx.db, collection: coll }, pipeline, evalOptions(args));
  const ns = namespace(ctx.db, coll ?? '$cmd.aggregate');
  const collection = coll === undefined ? undefined : catalog.collection(ctx.db, coll);
  const output = collection ? result.docs.map((doc) => collection.wireForm(doc)) : result.docs;
  if (result.out !== undefined) {
    catalog.replaceCollection(
      ctx.db,
      result.out,
      output.map((doc) => withIdFirst(ingest(doc))),
    );
    return ctx.state.cursors.firstBatch(ns, []);
  }
  return ctx.state.cursors.firstBatch(ns, output, batchOptions(cursor));
}

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
