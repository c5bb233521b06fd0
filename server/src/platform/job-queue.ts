import { Schema, type Connection } from 'mongoose';
import type { Logger } from './logger.js';
import { Ticker } from './ticker.js';
import { modelOn } from './mongo.js';

/**
 * Durable background work: one document per job key (asking twice for the same work coalesces), claimed
 * atomically so that every app node can drain the queue together, retried with backoff, and surviving
 * restarts. Request handlers enqueue and return; the work happens off the request path.
 */
export interface JobDoc {
  _id: string;
  kind: string;
  payload: Record<string, string>;
  dueAt: Date;
  attempts: number;
}

const jobSchema = new Schema<JobDoc>({
  _id: { type: String, required: true },
  kind: { type: String, required: true },
  payload: { type: Schema.Types.Mixed, default: {} },
  dueAt: { type: Date, required: true, index: true },
  attempts: { type: Number, default: 0 },
});

export const jobModel = (connection: Connection) => modelOn(connection, 'Job', jobSchema);
export type JobModel = ReturnType<typeof jobModel>;

type Handler = (payload: Record<string, string>) => Promise<unknown>;

const BATCH = 20;
const MAX_ATTEMPTS = 5;

export class JobQueue {
  private readonly handlers = new Map<string, Handler>();
  private readonly ticker = new Ticker(() => this.kick());
  private running: Promise<number> | null = null;
  private stopping = false;

  constructor(
    private readonly jobs: JobModel,
    private readonly logger: Logger,
  ) {}

  handle(kind: string, handler: Handler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, key: string, payload: Record<string, string>, delayMs = 0): Promise<void> {
    await this.jobs.updateOne(
      { _id: `${kind}:${key}` },
      { $set: { kind, payload, dueAt: new Date(Date.now() + delayMs) }, $setOnInsert: { attempts: 0 } },
      { upsert: true },
    );
  }

  async enqueueMany(kind: string, items: { key: string; payload: Record<string, string> }[]): Promise<void> {
    if (items.length === 0) return;
    await this.jobs.bulkWrite(
      items.map(({ key, payload }) => ({
        updateOne: {
          filter: { _id: `${kind}:${key}` },
          update: { $set: { kind, payload, dueAt: new Date() }, $setOnInsert: { attempts: 0 } },
          upsert: true,
        },
      })),
    );
  }

  /** Whether work of this kind and key is waiting (not yet claimed by a worker). */
  async isPending(kind: string, key: string): Promise<boolean> {
    return (await this.jobs.exists({ _id: `${kind}:${key}` })) !== null;
  }

  private async runOne(job: JobDoc): Promise<boolean> {
    const claimed = await this.jobs.findOneAndDelete({ _id: job._id, dueAt: job.dueAt });
    if (!claimed) return false; // another node took it, or it was asked for again meanwhile
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
      await handler(job.payload);
    } catch (error) {
      this.logger.warn({ err: error, job: job._id, attempts: job.attempts + 1 }, 'background job failed');
      if (job.attempts + 1 >= MAX_ATTEMPTS) return true;
      await this.jobs.updateOne(
        { _id: job._id },
        {
          $setOnInsert: { kind: job.kind, payload: job.payload, attempts: job.attempts + 1 },
          $set: { dueAt: new Date(Date.now() + 2 ** job.attempts * 5_000) },
        },
        { upsert: true },
      );
    }
    return true;
  }

  private async drainDue(): Promise<number> {
    let done = 0;
    for (;;) {
      const due = await this.jobs
        .find({ dueAt: { $lte: new Date() } })
        .sort({ dueAt: 1 })
        .limit(BATCH)
        .lean<JobDoc[]>();
      if (due.length === 0) return done;
      for (const job of due) {
        // Stopping ends the run after the job in hand: the rest stays queued for the next start.
        if (this.stopping) return done;
        if (await this.runOne(job)) done += 1;
      }
    }
  }

  /** Works through the due jobs; concurrent calls share one run. Resolves with how many ran. */
  drain(): Promise<number> {
    this.running ??= this.drainDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs due jobs soon, without making the caller wait. */
  kick(): void {
    this.drain().catch((error: unknown) => this.logger.error({ err: error }, 'job queue failed'));
  }

  /** Polls for jobs other nodes queued and for retries. */
  start(intervalMs = 2_000): void {
    this.stopping = false;
    this.ticker.start(intervalMs);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.ticker.stop();
    await this.running;
  }
}
