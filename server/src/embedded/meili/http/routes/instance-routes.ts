import { isRecord } from '../../settings/validators.js';
import { indexStats } from '../../stats.js';
import { summarize } from '../../tasks/task.js';
import type { Route } from '../router.js';
import { accepted, ok } from '../router.js';
import { isIndexing } from './indexes.js';

/** The Meilisearch release this service follows: the one docker-compose.yml pins. */
export const MEILISEARCH_VERSION = '1.50.0';

const EXPERIMENTAL_DEFAULTS = {
  metrics: false,
  logsRoute: false,
  editDocumentsByFunction: false,
  containsFilter: false,
  network: false,
  getTaskDocumentsRoute: false,
  compositeEmbedders: false,
  chatCompletions: false,
  multimodal: false,
  vectorStoreSetting: false,
};

export const instanceRoutes: Route[] = [
  { method: 'GET', path: '/health', action: null, handle: () => ok({ status: 'available' }) },
  {
    method: 'GET',
    path: '/version',
    action: 'version',
    handle: () => ok({ commitSha: 'embedded', commitDate: 'unknown', pkgVersion: MEILISEARCH_VERSION }),
  },
  {
    method: 'GET',
    path: '/stats',
    action: 'stats.get',
    handle(context) {
      const entries = context.instance.indexes
        .all()
        .filter((entry) => context.caller.allowsIndex(entry.engine.uid));
      const indexes = Object.fromEntries(
        entries.map((entry) => [entry.engine.uid, indexStats(entry, isIndexing(context, entry.engine.uid))]),
      );
      const size = Object.values(indexes).reduce((sum, stats) => sum + stats.rawDocumentDbSize, 0);
      const lastUpdate =
        entries
          .map((entry) => entry.updatedAt)
          .sort()
          .pop() ?? null;
      return ok({ databaseSize: size, usedDatabaseSize: size, lastUpdate, indexes });
    },
  },
  {
    method: 'POST',
    path: '/dumps',
    action: 'dumps.create',
    handle: ({ instance }) =>
      accepted(summarize(instance.enqueue('dumpCreation', null, { dumpUid: null }, { kind: 'noop' }))),
  },
  {
    method: 'POST',
    path: '/snapshots',
    action: 'snapshots.create',
    handle: ({ instance }) =>
      accepted(summarize(instance.enqueue('snapshotCreation', null, null, { kind: 'noop' }))),
  },
  {
    method: 'GET',
    path: '/experimental-features',
    action: 'experimental.get',
    handle: ({ instance }) => ok({ ...EXPERIMENTAL_DEFAULTS, ...instance.indexes.features }),
  },
  {
    method: 'PATCH',
    path: '/experimental-features',
    action: 'experimental.update',
    async handle(context) {
      const body = await context.json();
      const features = context.instance.indexes.features;
      if (isRecord(body) && typeof body.containsFilter === 'boolean')
        features.containsFilter = body.containsFilter;
      return ok({ ...EXPERIMENTAL_DEFAULTS, ...features });
    },
  },
];
