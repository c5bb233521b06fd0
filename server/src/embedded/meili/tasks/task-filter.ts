import { MeiliError } from '../errors.js';
import type { Task, TaskStatus, TaskType } from './task.js';
import { TASK_STATUSES, TASK_TYPES } from './task.js';

/** Filters of `GET /tasks`, `POST /tasks/cancel` and `DELETE /tasks`. */
export interface TaskFilter {
  uids?: number[];
  batchUids?: number[];
  indexUids?: string[];
  statuses?: TaskStatus[];
  types?: TaskType[];
  canceledBy?: number[];
  dates: { field: 'enqueuedAt' | 'startedAt' | 'finishedAt'; before: boolean; at: number }[];
}

const DATE_PARAMS = [
  'beforeEnqueuedAt',
  'afterEnqueuedAt',
  'beforeStartedAt',
  'afterStartedAt',
  'beforeFinishedAt',
  'afterFinishedAt',
];
export const FILTER_PARAMS = [
  'uids',
  'batchUids',
  'indexUids',
  'statuses',
  'types',
  'canceledBy',
  ...DATE_PARAMS,
];

const codeOf = (name: string) => `invalid_task_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
const list = (raw: string) =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

function integers(name: string, raw: string): number[] {
  return list(raw).map((part) => {
    if (!/^\d+$/.test(part)) {
      throw new MeiliError(
        codeOf(name),
        `Invalid value in parameter \`${name}\`: could not parse \`${part}\` as a positive integer`,
      );
    }
    return Number(part);
  });
}

function choices<T extends string>(name: string, raw: string, allowed: readonly T[], label: string): T[] {
  const values = list(raw);
  if (values.includes('*')) return [...allowed];
  for (const value of values) {
    if (!allowed.includes(value as T)) {
      const options = allowed.map((choice) => `\`${choice}\``).join(', ');
      throw new MeiliError(
        codeOf(name),
        `Invalid value in parameter \`${name}\`: \`${value}\` is not a valid task ${label}. Available ${label === 'type' ? 'types' : 'statuses'} are ${options}.`,
      );
    }
  }
  return values as T[];
}

export function parseTaskFilter(params: URLSearchParams): TaskFilter {
  const filter: TaskFilter = { dates: [] };
  for (const [name, raw] of params) {
    if (name === 'uids' || name === 'batchUids' || name === 'canceledBy') filter[name] = integers(name, raw);
    else if (name === 'indexUids') filter.indexUids = list(raw).includes('*') ? undefined : list(raw);
    else if (name === 'statuses') filter.statuses = choices(name, raw, TASK_STATUSES, 'status');
    else if (name === 'types') filter.types = choices(name, raw, TASK_TYPES, 'type');
    else if (DATE_PARAMS.includes(name)) filter.dates.push(parseDateFilter(name, raw));
  }
  return filter;
}

function parseDateFilter(name: string, raw: string): TaskFilter['dates'][number] {
  const at = Date.parse(raw);
  if (Number.isNaN(at)) {
    throw new MeiliError(
      codeOf(name),
      `Invalid value in parameter \`${name}\`: \`${raw}\` is an invalid date-time. It should follow the YYYY-MM-DD or RFC 3339 date-time format.`,
    );
  }
  const before = name.startsWith('before');
  const field = name.replace(/^(before|after)/, '');
  return { field: `${field[0]!.toLowerCase()}${field.slice(1)}` as 'enqueuedAt', before, at };
}

export function hasFilter(params: URLSearchParams): boolean {
  return FILTER_PARAMS.some((name) => params.has(name));
}

export function matchesTaskFilter(task: Task, filter: TaskFilter): boolean {
  if (filter.uids && !filter.uids.includes(task.uid)) return false;
  if (filter.batchUids && (task.batchUid === null || !filter.batchUids.includes(task.batchUid))) return false;
  if (filter.indexUids && (task.indexUid === null || !filter.indexUids.includes(task.indexUid))) return false;
  if (filter.statuses && !filter.statuses.includes(task.status)) return false;
  if (filter.types && !filter.types.includes(task.type)) return false;
  if (filter.canceledBy && (task.canceledBy === null || !filter.canceledBy.includes(task.canceledBy)))
    return false;
  return filter.dates.every(({ field, before, at }) => {
    const value = task[field];
    if (value === null) return false;
    const time = Date.parse(value);
    return before ? time < at : time > at;
  });
}
