import type { ThesaurusEntry, ThesaurusEntryInput } from '@techmatch/shared';
import type { z } from 'zod';
import type { ThesaurusQuerySchema } from '@techmatch/shared';
import { Types } from 'mongoose';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { auditBy } from '../../platform/events.js';
import { escapeRegex } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import type { ThesaurusEntryDoc, ThesaurusModel } from './thesaurus.model.js';
import { thesaurusConflict, type StoredEntry } from './thesaurus-rules.js';
import { THESAURUS_SEED } from './thesaurus.seed.js';
import type { ThesaurusContent } from './thesaurus.settings.js';

interface ThesaurusDeps {
  entries: ThesaurusModel;
  outbox: Outbox;
}

/** Content is read for every match computation; other nodes' edits show up within this long. */
const CACHE_MS = 10_000;

function stored(input: ThesaurusEntryInput, id: string): StoredEntry {
  return {
    id,
    kind: input.kind,
    words: input.kind === 'expansion' ? [] : input.words,
    from: input.kind === 'expansion' ? input.from : [],
    to: input.kind === 'expansion' ? input.to : [],
  };
}

function presentEntry(doc: ThesaurusEntryDoc): ThesaurusEntry {
  return {
    id: doc._id.toHexString(),
    kind: doc.kind,
    words: doc.words,
    from: doc.from,
    to: doc.to,
    note: doc.note,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export function thesaurusService({ entries, outbox }: ThesaurusDeps) {
  let cache: { content: ThesaurusContent; at: number } | null = null;

  /** The whole thesaurus in the form matching and the index settings use. */
  async function content(): Promise<ThesaurusContent> {
    if (cache && Date.now() - cache.at < CACHE_MS) return cache.content;
    const docs = await entries.find({}, { outbox: 0 }).lean<ThesaurusEntryDoc[]>();
    const fresh: ThesaurusContent = {
      synonyms: docs.filter((d) => d.kind === 'synonyms').map((d) => d.words),
      expansions: docs.filter((d) => d.kind === 'expansion').map((d) => ({ from: d.from, to: d.to })),
      terms: docs.filter((d) => d.kind === 'term').flatMap((d) => d.words),
    };
    cache = { content: fresh, at: Date.now() };
    return fresh;
  }

  /** Fills an empty thesaurus with the bureau's starting set. */
  async function ensureSeeded(): Promise<void> {
    if ((await entries.estimatedDocumentCount()) > 0) return;
    await entries.insertMany([
      ...THESAURUS_SEED.synonyms.map((words) => ({ kind: 'synonyms', words })),
      ...THESAURUS_SEED.expansions.map(({ from, to }) => ({ kind: 'expansion', from, to })),
      ...THESAURUS_SEED.terms.map((term) => ({ kind: 'term', words: [term] })),
    ]);
    cache = null;
  }

  async function list(
    ctx: RequestContext,
    query: z.infer<typeof ThesaurusQuerySchema>,
  ): Promise<ThesaurusEntry[]> {
    authorize(ctx, 'thesaurus.edit');
    const filter: Record<string, unknown> = query.kind ? { kind: query.kind } : {};
    if (query.q) {
      const pattern = new RegExp(escapeRegex(query.q), 'i');
      filter.$or = [{ words: pattern }, { from: pattern }, { to: pattern }];
    }
    const docs = await entries
      .find(filter, { outbox: 0 })
      .sort({ updatedAt: -1, _id: -1 })
      .lean<ThesaurusEntryDoc[]>();
    return docs.map(presentEntry);
  }

  async function assertFits(candidate: StoredEntry): Promise<void> {
    const others = (
      await entries
        .find({ _id: { $ne: candidate.id } }, { kind: 1, words: 1, from: 1, to: 1 })
        .lean<ThesaurusEntryDoc[]>()
    ).map((d) => ({ id: d._id.toHexString(), kind: d.kind, words: d.words, from: d.from, to: d.to }));
    const conflict = thesaurusConflict(candidate, others);
    if (conflict) throw new AppError('THESAURUS_CONFLICT', conflict);
  }

  async function save(ctx: RequestContext, input: ThesaurusEntryInput, id?: string): Promise<ThesaurusEntry> {
    authorize(ctx, 'thesaurus.edit');
    const _id = id ? new Types.ObjectId(id) : new Types.ObjectId();
    const existing = id ? await entries.findById(id, { outbox: 0 }).lean<ThesaurusEntryDoc>() : null;
    if (id && !existing) throw new AppError('NOT_FOUND');
    const candidate = stored(input, _id.toHexString());
    await assertFits(candidate);
    const audit = auditBy(ctx, {
      action: id ? 'thesaurus.update' : 'thesaurus.create',
      targetType: 'thesaurus',
      targetId: _id.toHexString(),
      before: existing ? { words: existing.words, from: existing.from, to: existing.to } : null,
      after: { words: candidate.words, from: candidate.from, to: candidate.to },
    });
    const doc = await entries
      .findOneAndUpdate(
        { _id },
        {
          $set: {
            kind: input.kind,
            words: candidate.words,
            from: candidate.from,
            to: candidate.to,
            note: input.note,
          },
          $push: { outbox: domainEvent('thesaurus.changed', { entryId: _id.toHexString() }, audit) },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<ThesaurusEntryDoc>();
    cache = null;
    await outbox.flush(entries, _id);
    if (!doc) throw new AppError('NOT_FOUND');
    return presentEntry(doc);
  }

  async function remove(ctx: RequestContext, id: string): Promise<void> {
    authorize(ctx, 'thesaurus.edit');
    const existing = await entries.findById(id, { outbox: 0 }).lean<ThesaurusEntryDoc>();
    if (!existing) throw new AppError('NOT_FOUND');
    const audit = auditBy(ctx, {
      action: 'thesaurus.delete',
      targetType: 'thesaurus',
      targetId: id,
      before: { words: existing.words, from: existing.from, to: existing.to },
    });
    await entries.deleteOne({ _id: id });
    cache = null;
    await outbox.deliverNow(domainEvent('thesaurus.changed', { entryId: id }, audit));
  }

  return {
    content,
    ensureSeeded,
    list,
    create: (ctx: RequestContext, input: ThesaurusEntryInput) => save(ctx, input),
    update: save,
    remove,
  };
}
export type ThesaurusService = ReturnType<typeof thesaurusService>;
