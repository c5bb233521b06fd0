import type { ApiKey } from './auth/keys.js';
import { KeyStore } from './auth/keys.js';
import { Indexes } from './indexes.js';
import { acquireLock } from './persistence/files.js';
import type { IndexSnapshot, LoadedState, SnapshotState } from './persistence/store.js';
import { snapshotFiles, Store } from './persistence/store.js';
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

  /** Load the snapshot (saved posting lists, or re-tokenising when they are missing) and replay the journal. */
  async load(): Promise<void> {
    if (!this.store) return;
    const started = Date.now();
    const loaded = this.store.load();
    const { snapshot, journal } = loaded;
    this.replaying = true;
    try {
      for (const index of snapshot?.indexes ?? []) await this.loadIndex(index, loaded);
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

  private async loadIndex(index: IndexSnapshot, loaded: LoadedState): Promise<void> {
    const create = () => this.indexes.create(index.uid, index.primaryKey, index.createdAt, index.settings);
    const documents = loaded.documents(index.uid);
    const saved = loaded.postings(index.uid);
    let entry = create();
    try {
      if (!saved) throw new Error('no saved posting lists');
      entry.engine.restoreSnapshot({ documents, fields: index.fields, ...saved });
    } catch (error) {
      this.log('warn', 'meili index rebuilt from its documents', { index: index.uid, reason: String(error) });
      entry = create();
      await entry.engine.addDocuments(documents, 'replace', index.primaryKey ?? undefined);
    }
    entry.updatedAt = index.updatedAt;
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
      indexes: [],
    };
    const files = new Map<string, string | Uint8Array>();
    for (const { engine, createdAt, updatedAt } of this.indexes.all()) {
      const exported = engine.exportSnapshot();
      const { uid, primaryKey, settings } = engine;
      state.indexes.push({ uid, primaryKey, createdAt, updatedAt, settings, fields: exported.fields });
      const names = snapshotFiles(uid);
      files.set(
        names.documents,
        exported.documents.map((document) => `${JSON.stringify(document)}\n`).join(''),
      );
      files.set(names.vocabulary, JSON.stringify(exported.vocabulary));
      files.set(
        names.postings,
        new Uint8Array(exported.postings.buffer, exported.postings.byteOffset, exported.postings.byteLength),
      );
    }
    this.store.writeSnapshot(state, files, this.queue.pending());
  }

  /** Finish the running task, persist a snapshot, release the data directory. */
  async close(): Promise<void> {
    await this.queue.idle();
    this.snapshot();
    this.store?.closeJournal();
    this.releaseLock?.();
  }
}
