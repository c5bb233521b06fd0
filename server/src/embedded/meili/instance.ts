import type { ApiKey } from './auth/keys.js';
import { KeyStore } from './auth/keys.js';
import type { Document } from './engine/fields.js';
import { Indexes } from './indexes.js';
import { acquireLock } from './persistence/files.js';
import type { SnapshotState } from './persistence/store.js';
import { Store } from './persistence/store.js';
import { TaskQueue } from './tasks/queue.js';
import type { Task, TaskPayload } from './tasks/task.js';
import { runTask } from './task-runner.js';

export type Logger = (
  level: 'debug' | 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

/** Past this journal size a snapshot is written and the journal restarted. */
const SNAPSHOT_THRESHOLD_BYTES = 256 * 1024 * 1024;

/** One Meilisearch-compatible instance: indexes, the task queue, API keys and their persistence. */
export class Instance {
  readonly indexes = new Indexes();
  readonly queue: TaskQueue;
  readonly keys: KeyStore | undefined;
  private readonly store: Store | undefined;
  private releaseLock: (() => void) | undefined;
  private replaying = false;

  constructor(
    options: { dataDir?: string; masterKey?: string },
    private readonly log: Logger,
  ) {
    this.store = options.dataDir ? new Store(options.dataDir) : undefined;
    if (this.store) this.releaseLock = acquireLock(this.store.directory);
    this.queue = new TaskQueue(
      {
        run: (task, payload) => runTask(this.indexes, this.queue, task, payload),
        afterTask: () => this.maybeSnapshot(),
      },
      this.store && ((entry) => !this.replaying && this.store!.append(entry)),
    );
    this.keys = options.masterKey
      ? new KeyStore(options.masterKey, this.store?.readKeys<ApiKey[]>(), (keys) =>
          this.store?.writeKeys(keys),
        )
      : undefined;
  }

  enqueue(
    type: Task['type'],
    indexUid: string | null,
    details: Record<string, unknown> | null,
    payload: TaskPayload,
  ): Task {
    return this.queue.enqueue(type, indexUid, details, payload);
  }

  /** Load the snapshot and replay the journal; rebuilding the indexes re-tokenises every document. */
  async load(): Promise<void> {
    if (!this.store) return;
    const started = Date.now();
    const { snapshot, documents, journal } = this.store.load();
    this.replaying = true;
    try {
      for (const index of snapshot?.indexes ?? []) {
        const entry = this.indexes.create(index.uid, index.primaryKey, index.createdAt, index.settings);
        await entry.engine.addDocuments(documents(index.uid), 'replace', index.primaryKey ?? undefined);
        entry.updatedAt = index.updatedAt;
      }
      for (const task of snapshot?.tasks ?? []) this.queue.restore(task);
      if (snapshot) this.queue.nextBatchUid = Math.max(this.queue.nextBatchUid, snapshot.nextBatchUid);
      await this.replay(journal);
    } finally {
      this.replaying = false;
    }
    const documentsLoaded = this.indexes.all().reduce((sum, entry) => sum + entry.engine.store.size, 0);
    this.log('info', 'meili state loaded', {
      indexes: this.indexes.all().length,
      documents: documentsLoaded,
      ms: Date.now() - started,
    });
    this.queue.kick();
  }

  private async replay(journal: ReturnType<Store['load']>['journal']): Promise<void> {
    const payloads = new Map<number, TaskPayload>();
    for (const entry of journal) {
      if (entry.t === 'enqueue') {
        payloads.set(entry.task.uid, entry.payload);
        this.queue.restore(entry.task, entry.payload);
        continue;
      }
      const payload = payloads.get(entry.task.uid);
      if (entry.task.status === 'succeeded' && payload && payload.kind !== 'cancelTasks') {
        await runTask(this.indexes, this.queue, entry.task, payload);
      }
      this.queue.forget(entry.task.uid);
      this.queue.restore(entry.task);
    }
  }

  private maybeSnapshot(): void {
    if (this.store && this.store.journalSize() > SNAPSHOT_THRESHOLD_BYTES) this.snapshot();
  }

  /** Write the current state as a snapshot (between tasks, so it is consistent). */
  snapshot(): void {
    if (!this.store) return;
    const finished = [...this.queue.tasks.values()].filter(
      (task) => task.status !== 'enqueued' && task.status !== 'processing',
    );
    const state: SnapshotState = {
      lastAppliedUid: finished.reduce((max, task) => Math.max(max, task.uid), -1),
      pendingUids: this.queue.pending().map((entry) => entry.task.uid),
      nextBatchUid: this.queue.nextBatchUid,
      tasks: finished,
      indexes: this.indexes.all().map(({ engine, createdAt, updatedAt }) => ({
        uid: engine.uid,
        primaryKey: engine.primaryKey,
        createdAt,
        updatedAt,
        settings: engine.settings,
      })),
    };
    const documents = new Map<string, Document[]>();
    for (const { engine } of this.indexes.all()) {
      documents.set(
        engine.uid,
        engine.store.liveEntries().map(([, docid]) => engine.store.documents[docid]!),
      );
    }
    this.store.writeSnapshot(state, documents, this.queue.pending());
  }

  /** Finish the running task, persist a snapshot, release the data directory. */
  async close(): Promise<void> {
    await this.queue.idle();
    this.snapshot();
    this.store?.closeJournal();
    this.releaseLock?.();
  }
}
