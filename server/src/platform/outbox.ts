import { Schema, Types, type Model } from 'mongoose';
import type { AuditRecord, DomainEvent, DomainEventMap, EventBus, EventType } from './events.js';
import type { Logger } from './logger.js';

/**
 * Transactional outbox without transactions: a change and the events it causes are written in ONE atomic
 * single-document update (`$push: { outbox: event }`). After the write, the events are dispatched and pulled.
 * If the process dies in between, the sweeper finds the document's outbox and delivers them later, so no
 * audit entry, notification or search update is ever lost.
 */
export const OutboxEntrySchema = new Schema<DomainEvent>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    payload: { type: Schema.Types.Mixed, default: {} },
    audit: { type: Schema.Types.Mixed, default: null },
  },
  { _id: false, minimize: false },
);

export interface WithOutbox {
  outbox: DomainEvent[];
}

export const outboxField = { outbox: { type: [OutboxEntrySchema], default: [] } };

export function domainEvent<K extends EventType>(
  type: K,
  payload: DomainEventMap[K],
  audit: AuditRecord | null = null,
): DomainEvent<K> {
  return { _id: new Types.ObjectId().toHexString(), type, at: new Date(), payload, audit };
}

const SWEEP_AGE_MS = 2_000;

export class Outbox {
  private readonly models = new Set<Model<WithOutbox>>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  track<T extends WithOutbox>(model: Model<T>): void {
    this.models.add(model as unknown as Model<WithOutbox>);
  }

  /** Delivers and removes the pending events of one document. */
  async flush<T extends WithOutbox>(model: Model<T>, id: unknown): Promise<void> {
    const outboxModel = model as unknown as Model<WithOutbox>;
    const doc = await outboxModel.findById(id, { outbox: 1 }).lean<WithOutbox>();
    const delivered: string[] = [];
    for (const event of doc?.outbox ?? []) {
      if (await this.bus.dispatch(event)) delivered.push(event._id);
    }
    if (delivered.length > 0) {
      await outboxModel.updateOne({ _id: id }, { $pull: { outbox: { _id: { $in: delivered } } } });
    }
  }

  /** Delivers an event that has no document to live in (the document is being deleted). */
  async deliverNow(event: DomainEvent): Promise<void> {
    await this.bus.dispatch(event);
  }

  /** Delivers events left behind by a crash or a failed handler. Safe to run on every node at once. */
  async sweep(): Promise<void> {
    const olderThan = new Date(Date.now() - SWEEP_AGE_MS);
    for (const model of this.models) {
      const stale = await model
        .find({ 'outbox.at': { $lt: olderThan } }, { _id: 1 })
        .limit(500)
        .lean();
      for (const doc of stale) await this.flush(model, doc._id);
    }
  }

  start(intervalMs = 5_000): void {
    const run = () => {
      this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'outbox sweep failed'));
    };
    run();
    this.sweeper = setInterval(run, intervalMs);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }
}
