import { MeiliError } from '../errors.js';
import type { JournalEntry } from '../persistence/store.js';
import type { Task, TaskPayload, TaskType } from './task.js';
import { isoDuration } from './task.js';
import type { TaskFilter } from './task-filter.js';
import { matchesTaskFilter } from './task-filter.js';

export interface TaskRunner {
  /** Apply the task; resolves to details to merge into the task, or throws a MeiliError. */
  run(task: Task, payload: TaskPayload): Promise<Record<string, unknown> | undefined>;
  /** Called after each finished task (snapshots are taken here). */
  afterTask(): void;
}

const PRIORITY_TYPES: TaskType[] = ['taskCancelation', 'taskDeletion'];

/**
 * The instance-wide task queue: tasks run one at a time in uid order (cancelation and deletion
 * first, as in Meilisearch); a task's final state is journaled before it becomes visible.
 */
export class TaskQueue {
  readonly tasks = new Map<number, Task>();
  private readonly payloads = new Map<number, TaskPayload>();
  nextUid = 0;
  nextBatchUid = 0;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly runner: TaskRunner,
    private readonly journal: ((entry: JournalEntry) => void) | undefined,
  ) {}

  enqueue(
    type: TaskType,
    indexUid: string | null,
    details: Record<string, unknown> | null,
    payload: TaskPayload,
  ): Task {
    const task: Task = {
      uid: this.nextUid++,
      batchUid: null,
      indexUid,
      status: 'enqueued',
      type,
      canceledBy: null,
      details,
      error: null,
      duration: null,
      enqueuedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    };
    this.journal?.({ t: 'enqueue', task, payload });
    this.restore(task, payload);
    this.kick();
    return task;
  }

  /** Register a task loaded from disk (pending ones keep their payload). */
  restore(task: Task, payload?: TaskPayload): void {
    this.tasks.set(task.uid, task);
    if (payload && task.status === 'enqueued') this.payloads.set(task.uid, payload);
    this.nextUid = Math.max(this.nextUid, task.uid + 1);
    if (task.batchUid !== null) this.nextBatchUid = Math.max(this.nextBatchUid, task.batchUid + 1);
  }

  /** Drop a restored task's payload once the journal shows it finished. */
  forget(uid: number): void {
    this.payloads.delete(uid);
  }

  pending(): JournalEntry[] {
    return [...this.payloads].map(([uid, payload]) => ({
      t: 'enqueue',
      task: this.tasks.get(uid)!,
      payload,
    }));
  }

  /** Start processing after the current tick, so the caller still sees its task `enqueued`. */
  kick(): void {
    this.draining ??= Promise.resolve()
      .then(() => this.drain())
      .finally(() => (this.draining = undefined));
  }

  /** Resolves once no task is pending. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private next(): Task | undefined {
    const uids = [...this.payloads.keys()];
    const priority = uids.find((uid) => PRIORITY_TYPES.includes(this.tasks.get(uid)!.type));
    const uid = priority ?? Math.min(...uids);
    return uids.length ? this.tasks.get(uid) : undefined;
  }

  private async drain(): Promise<void> {
    for (let task = this.next(); task; task = this.next()) {
      const payload = this.payloads.get(task.uid)!;
      const started = Date.now();
      Object.assign(task, {
        status: 'processing',
        batchUid: this.nextBatchUid++,
        startedAt: new Date(started).toISOString(),
      });
      const final: Task = { ...task };
      try {
        const details = await this.runner.run(task, payload);
        if (details) final.details = { ...(task.details ?? {}), ...details };
        final.status = 'succeeded';
      } catch (error) {
        final.status = 'failed';
        final.error = (
          error instanceof MeiliError ? error : new MeiliError('internal', String(error))
        ).toBody();
        if (task.details && 'indexedDocuments' in task.details)
          final.details = { ...task.details, indexedDocuments: 0 };
        if (task.details && 'deletedDocuments' in task.details)
          final.details = { ...task.details, deletedDocuments: 0 };
      }
      this.finish(task, final, started);
      this.runner.afterTask();
    }
  }

  private finish(task: Task, final: Task, started: number): void {
    const finished = Date.now();
    final.finishedAt = new Date(finished).toISOString();
    final.duration = isoDuration(finished - started);
    this.journal?.({ t: 'finish', task: final });
    this.payloads.delete(task.uid);
    Object.assign(task, final);
  }

  /** Cancel the enqueued tasks matching `filter`; returns how many matched and were canceled. */
  cancel(filter: TaskFilter, by: number): { matched: number; canceled: number } {
    const matched = [...this.tasks.values()].filter(
      (task) => task.uid < by && matchesTaskFilter(task, filter),
    );
    const now = new Date().toISOString();
    let canceled = 0;
    for (const task of matched) {
      if (task.status !== 'enqueued') continue;
      const final: Task = { ...task, status: 'canceled', canceledBy: by, finishedAt: now, startedAt: null };
      this.journal?.({ t: 'finish', task: final });
      this.payloads.delete(task.uid);
      Object.assign(task, final);
      canceled++;
    }
    return { matched: matched.length, canceled };
  }

  /** Delete the finished tasks matching `filter`. */
  delete(filter: TaskFilter, by: number): { matched: number; deleted: number } {
    const matched = [...this.tasks.values()].filter(
      (task) => task.uid < by && matchesTaskFilter(task, filter),
    );
    const deletable = matched.filter((task) => task.status !== 'enqueued' && task.status !== 'processing');
    for (const task of deletable) this.tasks.delete(task.uid);
    return { matched: matched.length, deleted: deletable.length };
  }
}
