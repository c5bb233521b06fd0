import {
  INQUIRY_ACTIONS,
  type InquiryJoinResult,
  type InquiryMessage,
  type InquirySystemEvent,
  type MessageHistory,
  type MessageHistoryQuery,
  type MessageInput,
} from '@techmatch/shared';
import { Types } from 'mongoose';
import { isStaff, requireActor, type Actor, type RequestContext } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { isDuplicateKeyError } from '../../platform/mongo.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import type { AttachmentService } from '../attachments/attachment.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { participantFilter, participantIds, sideOf } from './inquiry.access.js';
import type { InquiryDoc, InquiryModel } from './inquiry.model.js';
import { presentMessage } from './inquiry.presenters.js';
import type { MessageDoc, MessageModel } from './message.model.js';

interface MessageDeps {
  inquiries: InquiryModel;
  messages: MessageModel;
  attachments: AttachmentService;
  notifications: NotificationService;
  realtime: RealtimeHub;
  /** Per-user flood guard for sending. */
  limiter: RateLimiter;
  logger: Logger;
}

const WRITABLE = [...INQUIRY_ACTIONS.message];
const JOIN_PAGE = 50;
const RESUME_PAGE = 200;

export const inquiryLink = (inquiryId: string) => `/inquiries/${inquiryId}`;

/**
 * The conversation of an inquiry. A message is stored in MongoDB first, with a sequence number taken by an
 * atomic `$inc` on the inquiry (in the same write that re-checks the sender's participation and the status),
 * then fanned out to the inquiry's room. Messages are not domain events: the message collection is the
 * durable log, and a client that missed a broadcast catches up by asking for everything after its last seq.
 */
export function messageService(deps: MessageDeps) {
  const { inquiries, messages, attachments, notifications, realtime, limiter, logger } = deps;

  /** Why an inquiry refused a write: invisible to this actor (NOT_FOUND) or in a state that takes none. */
  async function refusal(inquiryId: string, actor: Actor): Promise<AppError> {
    const doc = await inquiries
      .findOne({ _id: inquiryId, ...participantFilter(actor) }, { status: 1 })
      .lean();
    return doc ? new AppError('INVALID_STATE', { status: doc.status }) : new AppError('NOT_FOUND');
  }

  /** The message this client already sent under this id (a resend after a lost acknowledgement). */
  async function alreadySent(
    inquiryId: string,
    clientId: string,
    actor: Actor,
  ): Promise<InquiryMessage | null> {
    const doc = await messages.findOne({ inquiryId, clientId }).lean<MessageDoc>();
    if (!doc) return null;
    if (!doc.sender?.userId.equals(actor.id)) throw new AppError('CONFLICT');
    return presentMessage(doc);
  }

  /** Takes the next sequence number; with `actor`, only while they take part and the inquiry takes messages. */
  async function nextSeq(inquiryId: string, actor: Actor | null): Promise<InquiryDoc | null> {
    const guard = actor ? { status: { $in: WRITABLE }, ...participantFilter(actor) } : {};
    return inquiries
      .findOneAndUpdate(
        { _id: inquiryId, ...guard },
        { $inc: { lastSeq: 1 }, $set: { lastMessageAt: new Date() } },
        { returnDocument: 'after' },
      )
      .lean<InquiryDoc>();
  }

  function broadcast(inquiry: InquiryDoc, message: InquiryMessage): void {
    const inquiryId = inquiry._id.toHexString();
    realtime.toInquiry(inquiryId).emit('inquiry:message', message);
    realtime.toInquiry(inquiryId, participantIds(inquiry)).emit('inquiry:changed', {
      inquiryId,
      reason: 'message',
      status: inquiry.status,
      lastSeq: message.seq,
    });
  }

  /**
   * After delivery: the sender has read their own message, and each recipient who has not been told since
   * they last read gets one inbox entry (so someone offline finds it when they come back).
   */
  async function afterDelivery(inquiry: InquiryDoc, sender: Actor, seq: number): Promise<void> {
    await inquiries.updateOne({ _id: inquiry._id }, { $max: { [`reads.${sender.id}`]: seq } });
    const readSeq = (id: string) => inquiry.reads[id] ?? 0;
    const untold = participantIds(inquiry).filter(
      (id) => id !== sender.id && inquiry.alerted[id] !== readSeq(id),
    );
    if (untold.length === 0) return;
    await inquiries.updateOne(
      { _id: inquiry._id },
      { $set: Object.fromEntries(untold.map((id) => [`alerted.${id}`, readSeq(id)])) },
    );
    const inquiryId = inquiry._id.toHexString();
    for (const id of untold) {
      await notifications.notify([id], {
        type: 'inquiry_message',
        params: { title: inquiry.listingTitle, name: sender.name },
        link: inquiryLink(inquiryId),
        key: `inquiry:${inquiryId}:unread-after:${readSeq(id)}`,
      });
    }
  }

  /** Stores and delivers a participant's message (no rate limit: callers apply it). */
  async function store(actor: Actor, inquiryId: string, input: MessageInput): Promise<InquiryMessage> {
    const resent = await alreadySent(inquiryId, input.clientId, actor);
    if (resent) return resent;
    const inquiry = await nextSeq(inquiryId, actor);
    if (!inquiry) throw await refusal(inquiryId, actor);
    const _id = new Types.ObjectId();
    const attached = await attachments.claim(actor, input.attachmentIds, { type: 'inquiry', id: _id });
    let doc: MessageDoc;
    try {
      const created = await messages.create({
        _id,
        inquiryId,
        seq: inquiry.lastSeq,
        clientId: input.clientId,
        kind: 'text',
        sender: { userId: actor.id, name: actor.name, side: sideOf(inquiry, actor) ?? 'broker' },
        body: input.body,
        event: null,
        attachments: attached.map(({ _id: id, filename, contentType, size }) => ({
          _id: id,
          filename,
          contentType,
          size,
        })),
      });
      doc = created.toObject<MessageDoc>();
    } catch (error) {
      const raced = isDuplicateKeyError(error) && (await alreadySent(inquiryId, input.clientId, actor));
      if (raced) return raced;
      throw error;
    }
    const message = presentMessage(doc);
    broadcast(inquiry, message);
    afterDelivery(inquiry, actor, message.seq).catch((error: unknown) =>
      logger.error({ err: error, inquiryId }, 'after-delivery work of a message failed'),
    );
    return message;
  }

  async function send(ctx: RequestContext, inquiryId: string, input: MessageInput): Promise<InquiryMessage> {
    const actor = requireActor(ctx);
    limiter.consume(actor.id);
    return store(actor, inquiryId, input);
  }

  /** A line recording what happened (accepted, broker joined…), written once per domain event. */
  async function appendSystem(
    inquiryId: string,
    eventId: string,
    event: { type: InquirySystemEvent; params: Record<string, string> },
  ): Promise<void> {
    const clientId = `event-${eventId}`;
    if (await messages.exists({ inquiryId, clientId })) return;
    const inquiry = await nextSeq(inquiryId, null);
    if (!inquiry) return;
    try {
      const created = await messages.create({
        inquiryId,
        seq: inquiry.lastSeq,
        clientId,
        kind: 'system',
        sender: null,
        event,
      });
      broadcast(inquiry, presentMessage(created.toObject<MessageDoc>()));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async function page(inquiryId: string, query: MessageHistoryQuery): Promise<MessageHistory> {
    const { afterSeq, beforeSeq, limit } = query;
    const forward = afterSeq !== undefined;
    const seq = forward ? { $gt: afterSeq } : beforeSeq ? { $lt: beforeSeq } : null;
    const docs = await messages
      .find({ inquiryId, ...(seq ? { seq } : {}) })
      .sort({ seq: forward ? 1 : -1 })
      .limit(limit + 1)
      .lean<MessageDoc[]>();
    const shown = docs.slice(0, limit);
    if (!forward) shown.reverse();
    return { messages: shown.map(presentMessage), hasMore: docs.length > limit };
  }

  /** The inquiry, when the actor takes part in it (participants only; with `staffToo`, any staff as well). */
  async function participation(actor: Actor, inquiryId: string, staffToo = false): Promise<InquiryDoc> {
    const doc = await inquiries.findById(inquiryId).lean<InquiryDoc>();
    if (!doc || !(sideOf(doc, actor) || (staffToo && isStaff(actor)))) throw new AppError('NOT_FOUND');
    return doc;
  }

  /** History for participants and the bureau (which supervises every inquiry). */
  async function history(
    ctx: RequestContext,
    inquiryId: string,
    query: MessageHistoryQuery,
  ): Promise<MessageHistory> {
    await participation(requireActor(ctx), inquiryId, true);
    return page(inquiryId, query);
  }

  /**
   * What a socket gets on joining an inquiry's room: the messages after the client's last one (or the latest
   * page) and the read positions. `enter` joins the room first, so nothing stored meanwhile is missed.
   */
  async function join(
    actor: Actor,
    input: { inquiryId: string; afterSeq?: number | undefined },
    enter: () => Promise<void> | void,
  ): Promise<InquiryJoinResult> {
    const inquiry = await participation(actor, input.inquiryId);
    await enter();
    const limit = input.afterSeq === undefined ? JOIN_PAGE : RESUME_PAGE;
    const history = await page(input.inquiryId, { afterSeq: input.afterSeq, limit });
    return { ...history, reads: { ...inquiry.reads } };
  }

  /** Records how far a participant has read, tells the room (read receipts), and clears their inbox entry. */
  async function markRead(ctx: RequestContext, inquiryId: string, seq: number): Promise<{ seq: number }> {
    const actor = requireActor(ctx);
    const before = await inquiries
      .findOneAndUpdate(
        { _id: inquiryId, lastSeq: { $gte: seq }, ...participantFilter(actor) },
        { $max: { [`reads.${actor.id}`]: seq } },
        { returnDocument: 'before', timestamps: false },
      )
      .lean<InquiryDoc>();
    if (!before) throw await refusal(inquiryId, actor);
    const previous = before.reads[actor.id] ?? 0;
    if (seq > previous) {
      realtime.toInquiry(inquiryId).emit('inquiry:read', { inquiryId, userId: actor.id, seq });
      await notifications.markLinkRead(actor.id, 'inquiry_message', inquiryLink(inquiryId));
    }
    return { seq: Math.max(seq, previous) };
  }

  return { send, store, appendSystem, history, join, markRead, participation };
}
export type MessageService = ReturnType<typeof messageService>;
