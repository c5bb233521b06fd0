import { MeiliError, unknownField } from '../../errors.js';
import type { IndexEntry } from '../../indexes.js';
import { assertIndexUid } from '../../indexes.js';
import { isRecord, string } from '../../settings/validators.js';
import { indexStats } from '../../stats.js';
import { summarize } from '../../tasks/task.js';
import type { Route, RouteContext } from '../router.js';
import { accepted, ok } from '../router.js';
import { paginate } from './params.js';

export const indexView = ({ engine, createdAt, updatedAt }: IndexEntry) => ({
  uid: engine.uid,
  createdAt,
  updatedAt,
  primaryKey: engine.primaryKey,
});

function objectBody(body: unknown, allowed: string[]): Record<string, unknown> {
  if (!isRecord(body)) throw new MeiliError('bad_request', 'Invalid value type: expected an object.');
  for (const field of Object.keys(body))
    if (!allowed.includes(field)) throw unknownField('bad_request', field, allowed);
  return body;
}

function primaryKeyOf(body: Record<string, unknown>): string | null | undefined {
  const value = body.primaryKey;
  return value === undefined || value === null
    ? (value as null | undefined)
    : string(value, '.primaryKey', 'invalid_index_primary_key');
}

export function isIndexing({ instance }: RouteContext, uid: string): boolean {
  return [...instance.queue.tasks.values()].some(
    (task) => task.indexUid === uid && (task.status === 'processing' || task.status === 'enqueued'),
  );
}

export const indexRoutes: Route[] = [
  {
    method: 'GET',
    path: '/indexes',
    action: 'indexes.get',
    handle: (context) =>
      ok(
        paginate(
          context.instance.indexes
            .all()
            .filter((e) => context.caller.allowsIndex(e.engine.uid))
            .map(indexView),
          context.query,
          'index',
        ),
      ),
  },
  {
    method: 'POST',
    path: '/indexes',
    action: 'indexes.create',
    async handle(context) {
      const body = objectBody(await context.json(), ['uid', 'primaryKey']);
      if (!('uid' in body)) throw new MeiliError('missing_index_uid', 'Missing field `uid`');
      assertIndexUid(body.uid);
      if (!context.caller.allowsIndex(body.uid))
        throw new MeiliError('invalid_api_key', 'The provided API key is invalid.');
      const primaryKey = primaryKeyOf(body) ?? null;
      return accepted(
        summarize(
          context.instance.enqueue(
            'indexCreation',
            body.uid,
            { primaryKey },
            { kind: 'createIndex', primaryKey },
          ),
        ),
      );
    },
  },
  {
    method: 'GET',
    path: '/indexes/:uid',
    action: 'indexes.get',
    handle: ({ instance, params }) => ok(indexView(instance.indexes.require(params.uid!))),
  },
  {
    method: 'PATCH',
    path: '/indexes/:uid',
    action: 'indexes.update',
    async handle(context) {
      const uid = context.params.uid!;
      const body = objectBody(await context.json(), ['primaryKey', 'uid']);
      const primaryKey = primaryKeyOf(body);
      const newUid = body.uid === undefined ? undefined : body.uid;
      if (newUid !== undefined) assertIndexUid(newUid);
      const details = {
        primaryKey: primaryKey ?? null,
        ...(newUid ? { oldIndexUid: uid, newIndexUid: newUid } : {}),
      };
      return accepted(
        summarize(
          context.instance.enqueue('indexUpdate', uid, details, { kind: 'updateIndex', primaryKey, newUid }),
        ),
      );
    },
  },
  {
    method: 'DELETE',
    path: '/indexes/:uid',
    action: 'indexes.delete',
    handle: ({ instance, params }) =>
      accepted(
        summarize(
          instance.enqueue('indexDeletion', params.uid!, { deletedDocuments: null }, { kind: 'deleteIndex' }),
        ),
      ),
  },
  {
    method: 'GET',
    path: '/indexes/:uid/stats',
    action: 'stats.get',
    handle: (context) =>
      ok(
        indexStats(
          context.instance.indexes.require(context.params.uid!),
          isIndexing(context, context.params.uid!),
        ),
      ),
  },
  {
    method: 'POST',
    path: '/indexes/:uid/compact',
    action: 'indexes.compact',
    handle: ({ instance, params }) => {
      instance.indexes.require(params.uid!);
      return accepted(summarize(instance.enqueue('indexCompaction', params.uid!, null, { kind: 'noop' })));
    },
  },
];
