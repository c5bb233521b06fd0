import { MeiliError, indexNotFound } from './errors.js';
import { evaluateFilter, parseFilterParam } from './filter/evaluate.js';
import type { Indexes } from './indexes.js';
import { filterContext } from './search/filter-context.js';
import type { TaskQueue } from './tasks/queue.js';
import type { Task, TaskPayload } from './tasks/task.js';
import { parseTaskFilter } from './tasks/task-filter.js';

/** Applies one task's payload to the indexes; the queue records the outcome. */
export async function runTask(
  indexes: Indexes,
  queue: TaskQueue,
  task: Task,
  payload: TaskPayload,
): Promise<Record<string, unknown> | undefined> {
  const uid = task.indexUid ?? '';
  const at = task.startedAt ?? new Date().toISOString();
  switch (payload.kind) {
    case 'createIndex':
      if (indexes.has(uid)) throw new MeiliError('index_already_exists', `Index \`${uid}\` already exists.`);
      indexes.create(uid, payload.primaryKey, at);
      return undefined;
    case 'updateIndex':
      indexes.update(uid, payload, at);
      return undefined;
    case 'deleteIndex':
      return { deletedDocuments: indexes.delete(uid) };
    case 'swapIndexes':
      return indexes.swap(payload.swaps, at);
    case 'addDocuments': {
      const entry = indexes.get(uid) ?? indexes.create(uid, null, at);
      const indexedDocuments = await entry.engine.addDocuments(
        payload.documents,
        payload.mode,
        payload.primaryKey,
      );
      entry.updatedAt = at;
      return { indexedDocuments };
    }
    case 'deleteDocuments':
      return { deletedDocuments: deleteDocuments(indexes, uid, payload, at) };
    case 'updateSettings': {
      const entry = indexes.get(uid) ?? indexes.create(uid, null, at);
      await entry.engine.applySettings(payload.patch);
      entry.updatedAt = at;
      return undefined;
    }
    case 'cancelTasks': {
      const { matched, canceled } = queue.cancel(
        parseTaskFilter(new URLSearchParams(payload.query)),
        task.uid,
      );
      return { matchedTasks: matched, canceledTasks: canceled };
    }
    case 'deleteTasks': {
      const { matched, deleted } = queue.delete(
        parseTaskFilter(new URLSearchParams(payload.query)),
        task.uid,
      );
      return { matchedTasks: matched, deletedTasks: deleted };
    }
    case 'noop':
      return undefined;
  }
}

function deleteDocuments(
  indexes: Indexes,
  uid: string,
  payload: Extract<TaskPayload, { kind: 'deleteDocuments' }>,
  at: string,
): number {
  const entry = indexes.get(uid);
  if (!entry) throw indexNotFound(uid);
  const { engine } = entry;
  entry.updatedAt = at;
  if (payload.all) return engine.deleteByExternalIds([...engine.store.externalIds.keys()]);
  if (payload.ids) return engine.deleteByExternalIds(payload.ids);
  const filter = parseFilterParam(payload.filter);
  if (!filter) return 0;
  try {
    const matched = evaluateFilter(
      filter,
      filterContext(engine, engine.store.alive.resized(engine.store.capacity)),
    );
    return engine.deleteByDocids(matched.toArray());
  } catch (error) {
    if (error instanceof MeiliError && error.code === 'invalid_search_filter') {
      throw new MeiliError('invalid_document_filter', error.message);
    }
    throw error;
  }
}
