import {
  InquiryJoinPayloadSchema,
  InquiryReadPayloadSchema,
  InquiryRefPayloadSchema,
  InquirySendPayloadSchema,
  ROOMS,
  type ClientToServerEvents,
  type SocketError,
} from '@techmatch/shared';
import { requireActor } from '../../platform/auth/actor.js';
import type { Logger } from '../../platform/logger.js';
import { rateLimiter } from '../../platform/rate-limit.js';
import type { RealtimeServer, RealtimeSocket } from '../../platform/realtime.js';
import { onSocketRequest } from '../../platform/socket-request.js';
import type { MessageService } from './message.service.js';

/** Typing indicators are dropped (not refused) beyond this rate. */
const TYPING_LIMIT = { capacity: 3, refillPerSecond: 1 };

/**
 * The live side of inquiries: a socket joins only rooms of inquiries it takes part in (checked on join), and
 * every message is checked again in the write that stores it. Answers go through acknowledgements with the
 * HTTP error codes; a refused request without an acknowledgement is reported as `inquiry:error`.
 */
export function registerInquirySocket(io: RealtimeServer, messages: MessageService, logger: Logger): void {
  const typing = rateLimiter(TYPING_LIMIT);

  io.on('connection', (socket: RealtimeSocket) => {
    const request = (event: keyof ClientToServerEvents) => ({
      logger,
      onError: (error: SocketError) => socket.emit('inquiry:error', { ...error, event }),
    });

    onSocketRequest(
      socket,
      'inquiry:join',
      InquiryJoinPayloadSchema,
      (ctx, input) =>
        messages.join(requireActor(ctx), input, () => socket.join(ROOMS.inquiry(input.inquiryId))),
      request('inquiry:join'),
    );
    onSocketRequest(
      socket,
      'inquiry:leave',
      InquiryRefPayloadSchema,
      async (_ctx, input) => socket.leave(ROOMS.inquiry(input.inquiryId)),
      request('inquiry:leave'),
    );
    onSocketRequest(
      socket,
      'inquiry:send',
      InquirySendPayloadSchema,
      (ctx, { inquiryId, ...input }) => messages.send(ctx, inquiryId, input),
      request('inquiry:send'),
    );
    onSocketRequest(
      socket,
      'inquiry:read',
      InquiryReadPayloadSchema,
      (ctx, input) => messages.markRead(ctx, input.inquiryId, input.seq),
      request('inquiry:read'),
    );
    onSocketRequest(
      socket,
      'inquiry:typing',
      InquiryRefPayloadSchema,
      async (ctx, { inquiryId }) => {
        const actor = requireActor(ctx);
        const room = ROOMS.inquiry(inquiryId);
        if (!socket.rooms.has(room) || typing.take(socket.id) > 0) return;
        socket.to(room).emit('inquiry:typing', { inquiryId, userId: actor.id, name: actor.name });
      },
      request('inquiry:typing'),
    );
  });
}
