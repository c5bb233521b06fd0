import { MeiliError, unknownField } from '../../errors.js';
import type { Task } from '../../tasks/task.js';
import { summarize } from '../../tasks/task.js';
import { FILTER_PARAMS, hasFilter, matchesTaskFilter, parseTaskFilter } from '../../tasks/task-filter.js';
import type { Route, RouteContext } from '../router.js';
import { ok } from '../router.js';
import { integerParam } from './params.js';

const LIST_PARAMS = ['limit', 'from', 'reverse', ...FILTER_PARAMS];

function checkParams(query: URLSearchParams, allowed: string[]): void {
  for (const name of query.keys())
    if (!allowed.includes(name)) throw unknownField('bad_request', name, allowed);
}

function visibleTasks(context: RouteContext): Task[] {
  checkParams(context.query, LIST_PARAMS);
  const filter = parseTaskFilter(context.query);
  return [...context.instance.queue.tasks.values()].filter(
    (task) =>
      matchesTaskFilter(task, filter) &&
      (task.indexUid === null || context.caller.allowsIndex(task.indexUid)),
  );
}

function listTasks(context: RouteContext) {
  const limit = integerParam(context.query, 'limit', 20, 'invalid_task_limit');
  const from = context.query.has('from')
    ? integerParam(context.query, 'from', 0, 'invalid_task_from')
    : undefined;
  const reverse = context.query.get('reverse') === 'true';
  const tasks = visibleTasks(context).sort((a, b) => (reverse ? a.uid - b.uid : b.uid - a.uid));
  const start =
    from === undefined ? tasks : tasks.filter((task) => (reverse ? task.uid >= from : task.uid <= from));
  const results = start.slice(0, limit);
  return ok({
    results,
    total: tasks.length,
    limit,
    from: results[0]?.uid ?? null,
    next: start[limit]?.uid ?? null,
  });
}

/** `POST /tasks/cancel` and `DELETE /tasks`: a task of their own, needing at least one filter. */
function taskOperation(verb: 'cancel' | 'delete'): Route['handle'] {
  return (context) => {
    checkParams(context.query, FILTER_PARAMS);
    if (!hasFilter(context.query)) {
      throw new MeiliError(
        'missing_task_filters',
        `Query parameters to filter the tasks to ${verb} are missing. Available query parameters are: ${FILTER_PARAMS.map((p) => `\`${p}\``).join(', ')}.`,
      );
    }
    parseTaskFilter(context.query);
    const originalFilter = `?${context.query.toString().replaceAll('%2C', ',')}`;
    const type = verb === 'cancel' ? 'taskCancelation' : 'taskDeletion';
    const counts =
      verb === 'cancel'
        ? { matchedTasks: null, canceledTasks: null }
        : { matchedTasks: null, deletedTasks: null };
    const kind = verb === 'cancel' ? 'cancelTasks' : 'deleteTasks';
    const task = context.instance.enqueue(
      type,
      null,
      { ...counts, originalFilter },
      { kind, query: context.query.toString() },
    );
    return { status: 200, body: summarize(task) };
  };
}

function getTask(context: RouteContext): Task {
  const raw = context.params.uid!;
  const task = /^\d+$/.test(raw) ? context.instance.queue.tasks.get(Number(raw)) : undefined;
  if (!/^\d+$/.test(raw))
    throw new MeiliError(
      'invalid_task_uid',
      `Invalid value in parameter \`taskUid\`: could not parse \`${raw}\` as a positive integer`,
    );
  if (!task || (task.indexUid !== null && !context.caller.allowsIndex(task.indexUid))) {
    throw new MeiliError('task_not_found', `Task \`${raw}\` not found.`);
  }
  return task;
}

/** Batches: here every task runs as a batch of its own. */
function batchOf(task: Task) {
  const count = (key: string | null) => (key === null ? {} : { [key]: 1 });
  return {
    uid: task.batchUid,
    progress: null,
    details: task.details ?? {},
    stats: {
      totalNbTasks: 1,
      status: count(task.status),
      types: count(task.type),
      indexUids: count(task.indexUid),
    },
    duration: task.duration,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
    batchStrategy: 'unique task',
  };
}

export const taskRoutes: Route[] = [
  { method: 'GET', path: '/tasks', action: 'tasks.get', handle: listTasks },
  { method: 'GET', path: '/tasks/:uid', action: 'tasks.get', handle: (context) => ok(getTask(context)) },
  { method: 'POST', path: '/tasks/cancel', action: 'tasks.cancel', handle: taskOperation('cancel') },
  { method: 'DELETE', path: '/tasks', action: 'tasks.delete', handle: taskOperation('delete') },
  {
    method: 'GET',
    path: '/batches',
    action: 'tasks.get',
    handle(context) {
      const limit = integerParam(context.query, 'limit', 20, 'invalid_task_limit');
      const batches = visibleTasks(context)
        .filter((task) => task.batchUid !== null)
        .sort((a, b) => b.batchUid! - a.batchUid!);
      const results = batches.slice(0, limit).map(batchOf);
      return ok({
        results,
        total: batches.length,
        limit,
        from: results[0]?.uid ?? null,
        next: batches[limit]?.batchUid ?? null,
      });
    },
  },
  {
    method: 'GET',
    path: '/batches/:uid',
    action: 'tasks.get',
    handle(context) {
      const uid = Number(context.params.uid);
      const task = [...context.instance.queue.tasks.values()].find((candidate) => candidate.batchUid === uid);
      if (!task) throw new MeiliError('batch_not_found', `Batch \`${context.params.uid}\` not found.`);
      return ok(batchOf(task));
    },
  },
];
