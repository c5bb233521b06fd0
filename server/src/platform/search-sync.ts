import type { Meilisearch, Settings } from 'meilisearch';
import type { Model } from 'mongoose';
import type { Logger } from './logger.js';
import { Ticker } from './ticker.js';

/** The fields the sync needs on every indexed MongoDB document. */
export interface Indexable {
  _id: { toHexString(): string };
  searchDirty: boolean;
  searchVersion: number;
}

/** How one collection maps into one Meilisearch index. */
export interface SearchSource<T extends Indexable> {
  index: string;
  model: Model<T>;
  settings: () => Promise<Settings> | Settings;
  /** The search document of a record, or null when it must not be searchable (draft, closed, private…). */
  toDocument(record: T): Record<string, unknown> | null;
}

/** Marks a record for (re)indexing; put it in the same update as the change itself. */
export const markSearchDirty = { $set: { searchDirty: true }, $inc: { searchVersion: 1 } };

export const searchSyncFields = {
  searchDirty: { type: Boolean, default: true, index: true },
  searchVersion: { type: Number, default: 1 },
};

const BATCH = 500;
const TASK_TIMEOUT_MS = 60_000;

export interface SearchSyncState {
  lastError: string | null;
  lastSyncedAt: Date | null;
}

/**
 * MongoDB is the truth; Meilisearch is derived from it. Every change marks its record dirty in the same
 * write; this worker pushes dirty records to their index and marks them clean only if they did not change
 * meanwhile. It is idempotent and retryable: a crash, an outage or two nodes draining at once lose nothing.
 */
export class SearchSync {
  private readonly sources: SearchSource<Indexable>[] = [];
  private settingsApplied = false;
  private readonly ticker = new Ticker(() => this.kick());
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  readonly state: SearchSyncState = { lastError: null, lastSyncedAt: null };

  constructor(
    private readonly client: Meilisearch,
    private readonly logger: Logger,
  ) {}

  register<T extends Indexable>(source: SearchSource<T>): void {
    this.sources.push(source as unknown as SearchSource<Indexable>);
  }

  /** Applies every index's settings (again), e.g. after the thesaurus changed. */
  async applySettings(): Promise<void> {
    for (const source of this.sources) {
      await this.client
        .createIndex(source.index, { primaryKey: 'id' })
        .waitTask({ timeout: TASK_TIMEOUT_MS });
      const task = await this.client
        .index(source.index)
        .updateSettings(await source.settings())
        .waitTask({ timeout: TASK_TIMEOUT_MS });
      if (task.status === 'failed') throw new Error(`settings of ${source.index}: ${task.error?.message}`);
    }
    this.settingsApplied = true;
  }

  private async succeeded(
    indexUid: string,
    enqueue: () => {
      waitTask(options: { timeout: number }): Promise<{ status: string; error?: { message: string } | null }>;
    },
  ): Promise<void> {
    const task = await enqueue().waitTask({ timeout: TASK_TIMEOUT_MS });
    if (task.status !== 'succeeded') throw new Error(`${indexUid}: ${task.error?.message ?? task.status}`);
  }

  private async drainSource(source: SearchSource<Indexable>): Promise<number> {
    const dirty = await source.model.find({ searchDirty: true }).limit(BATCH).lean<Indexable[]>();
    if (dirty.length === 0) return 0;
    const documents: Record<string, unknown>[] = [];
    const removed: string[] = [];
    for (const record of dirty) {
      const document = source.toDocument(record);
      if (document) documents.push(document);
      else removed.push(record._id.toHexString());
    }
    const index = this.client.index(source.index);
    if (documents.length) await this.succeeded(source.index, () => index.addDocuments(documents));
    if (removed.length) await this.succeeded(source.index, () => index.deleteDocuments(removed));
    await source.model.bulkWrite(
      dirty.map((record) => ({
        updateOne: {
          filter: { _id: record._id, searchVersion: record.searchVersion },
          update: { $set: { searchDirty: false } },
        },
      })),
    );
    return dirty.length;
  }

  private async drainAll(): Promise<void> {
    if (!this.settingsApplied) await this.applySettings();
    for (const source of this.sources) {
      while ((await this.drainSource(source)) === BATCH) {
        // keep draining large backlogs batch by batch
      }
    }
    this.state.lastError = null;
    this.state.lastSyncedAt = new Date();
  }

  /** One full pass; failures are recorded (and retried by the next pass), never thrown. */
  private async pass(): Promise<void> {
    try {
      await this.drainAll();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.state.lastError !== message)
        this.logger.warn({ err: error }, 'search sync failed; will retry');
      this.state.lastError = message;
    }
  }

  /**
   * Resolves after a pass that started after the call, so every change made before it is indexed (or has
   * failed). Calls during a pass share one follow-up pass instead of piling up.
   */
  drain(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.drain();
    });
    return this.queued;
  }

  /** Nudges the worker after a write, without making the request wait for the index. */
  kick(): void {
    void this.drain();
  }

  /** Rebuilds every index from MongoDB: marks all records dirty, empties the indexes, drains. */
  async reindexAll(): Promise<void> {
    for (const source of this.sources) {
      await source.model.updateMany({}, { $set: { searchDirty: true }, $inc: { searchVersion: 1 } });
      await this.client.index(source.index).deleteAllDocuments().waitTask({ timeout: TASK_TIMEOUT_MS });
    }
    this.settingsApplied = false;
    await this.drain();
  }

  start(intervalMs = 2_000): void {
    this.kick();
    this.ticker.start(intervalMs);
  }

  async stop(): Promise<void> {
    this.ticker.stop();
    await this.running;
  }
}
