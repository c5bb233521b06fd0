import type { ErrorBody } from '../errors.js';
import type { Document } from '../engine/fields.js';
import type { WriteMode } from '../engine/index-engine.js';
import type { FilterParam } from '../filter/evaluate.js';
import type { SettingsPatch } from '../settings/settings.js';

export const TASK_STATUSES = ['enqueued', 'processing', 'succeeded', 'failed', 'canceled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_TYPES = [
  'documentAdditionOrUpdate',
  'documentEdition',
  'documentDeletion',
  'settingsUpdate',
  'indexCreation',
  'indexDeletion',
  'indexUpdate',
  'indexSwap',
  'taskCancelation',
  'taskDeletion',
  'dumpCreation',
  'snapshotCreation',
  'export',
  'upgradeDatabase',
  'indexCompaction',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** A task as `GET /tasks/:uid` shows it, key order included. */
export interface Task {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: TaskStatus;
  type: TaskType;
  canceledBy: number | null;
  details: Record<string, unknown> | null;
  error: ErrorBody | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Swap {
  indexes: [string, string];
  rename: boolean;
}

/** What a task needs to run; journaled with the task so a restart can replay it. */
export type TaskPayload =
  | { kind: 'createIndex'; primaryKey: string | null }
  | { kind: 'updateIndex'; primaryKey?: string | null; newUid?: string }
  | { kind: 'deleteIndex' }
  | { kind: 'swapIndexes'; swaps: Swap[] }
  | { kind: 'addDocuments'; documents: Document[]; mode: WriteMode; primaryKey?: string }
  | { kind: 'deleteDocuments'; ids?: string[]; filter?: FilterParam; all?: boolean }
  | { kind: 'updateSettings'; patch: SettingsPatch }
  | { kind: 'cancelTasks' | 'deleteTasks'; query: string }
  | { kind: 'noop' };

/** The five-key summary a write answers with (HTTP 202). */
export function summarize(task: Task) {
  return {
    taskUid: task.uid,
    indexUid: task.indexUid,
    status: task.status,
    type: task.type,
    enqueuedAt: task.enqueuedAt,
  };
}

/** ISO-8601 duration as Meilisearch prints it (`PT0.012S`). */
export function isoDuration(milliseconds: number): string {
  return `PT${(milliseconds / 1000).toFixed(6).replace(/\.?0+$/, '')}S`;
}
