import {
  MessageHistorySchema,
  type InquiryMessage,
  type InquiryReadReceipt,
  type MessageHistory,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, queryString } from '../../app/api.js';
import { useSocketStore, type AppSocket } from '../../app/socket.js';
import {
  lastSeq,
  mergeMessages,
  newClientId,
  resumePoint,
  settle,
  type PendingMessage,
} from './conversation.js';

const ACK_TIMEOUT_MS = 10_000;
const TYPING_SHOWN_MS = 4_000;
const TYPING_SENT_EVERY_MS = 2_000;

/**
 * The live conversation of the inquiry on screen. It joins the inquiry's room over the page's socket, and on
 * every (re)connection asks for what came after its last unbroken message, so nothing is lost or doubled.
 * Messages are sent with a client id and kept as pending until the server's acknowledgement (or the room's
 * broadcast) settles them; unacknowledged ones are sent again after a reconnection (the server stores once).
 */
export const useChatStore = defineStore('chat', () => {
  const sockets = useSocketStore();
  const inquiryId = ref<string | null>(null);
  const messages = ref<InquiryMessage[]>([]);
  const pending = ref<PendingMessage[]>([]);
  const reads = ref<Record<string, number>>({});
  const typing = ref<Record<string, { name: string; until: number }>>({});
  const hasOlder = ref(false);
  const ready = ref(false);
  const error = ref<string | null>(null);
  let baseline = 0;
  let unsubscribe: (() => void) | null = null;
  let lastTypingSent = 0;

  const latestSeq = computed(() => lastSeq(messages.value));

  function accept(incoming: InquiryMessage[]): void {
    const mine = incoming.filter((message) => message.inquiryId === inquiryId.value);
    messages.value = mergeMessages(messages.value, mine);
    pending.value = settle(pending.value, mine);
  }

  const history = (id: string, query: Record<string, number>): Promise<MessageHistory> =>
    api.get(`/inquiries/${id}/messages${queryString(query)}`, MessageHistorySchema);

  /** Joins the room and catches up: everything after the resume point (or, the first time, the latest page). */
  async function join(socket: AppSocket): Promise<void> {
    const id = inquiryId.value;
    if (!id) return;
    const afterSeq = ready.value ? resumePoint(baseline, messages.value) : undefined;
    let answer;
    try {
      answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('inquiry:join', { inquiryId: id, afterSeq });
    } catch {
      return; // no answer: the next connection tries again
    }
    if (id !== inquiryId.value) return;
    if (!answer.ok) {
      error.value = answer.error.code;
      return;
    }
    error.value = null;
    let page: MessageHistory = answer.data;
    accept(page.messages);
    if (afterSeq === undefined) hasOlder.value = page.hasMore;
    baseline = Math.max(afterSeq ?? 0, lastSeq(page.messages));
    while (afterSeq !== undefined && page.hasMore) {
      page = await history(id, { afterSeq: baseline, limit: 200 });
      accept(page.messages);
      baseline = Math.max(baseline, lastSeq(page.messages));
    }
    reads.value = { ...reads.value, ...answer.data.reads };
    ready.value = true;
    for (const message of pending.value) void deliver(message);
  }

  const onMessage = (message: InquiryMessage) => accept([message]);
  const onRead = (receipt: InquiryReadReceipt) => {
    if (receipt.inquiryId !== inquiryId.value) return;
    reads.value = {
      ...reads.value,
      [receipt.userId]: Math.max(reads.value[receipt.userId] ?? 0, receipt.seq),
    };
  };
  const onTyping = (who: { inquiryId: string; userId: string; name: string }) => {
    if (who.inquiryId !== inquiryId.value) return;
    typing.value = { ...typing.value, [who.userId]: { name: who.name, until: Date.now() + TYPING_SHOWN_MS } };
    setTimeout(() => {
      const entry = typing.value[who.userId];
      if (entry && entry.until <= Date.now()) {
        typing.value = Object.fromEntries(
          Object.entries(typing.value).filter(([userId]) => userId !== who.userId),
        );
      }
    }, TYPING_SHOWN_MS + 50);
  };

  const listeners = new WeakMap<AppSocket, () => void>();
  function listen(socket: AppSocket): void {
    const rejoin = () => void join(socket);
    socket.on('connect', rejoin);
    socket.on('inquiry:message', onMessage);
    socket.on('inquiry:read', onRead);
    socket.on('inquiry:typing', onTyping);
    listeners.set(socket, rejoin);
    if (socket.connected) rejoin();
  }
  function unlisten(socket: AppSocket): void {
    socket.off('connect', listeners.get(socket));
    socket.off('inquiry:message', onMessage);
    socket.off('inquiry:read', onRead);
    socket.off('inquiry:typing', onTyping);
  }

  function open(id: string): void {
    if (inquiryId.value === id) return;
    leave();
    inquiryId.value = id;
    unsubscribe = sockets.subscribe(listen, unlisten);
  }

  function leave(): void {
    if (inquiryId.value) sockets.socket?.emit('inquiry:leave', { inquiryId: inquiryId.value });
    unsubscribe?.();
    unsubscribe = null;
    inquiryId.value = null;
    messages.value = [];
    pending.value = [];
    reads.value = {};
    typing.value = {};
    hasOlder.value = false;
    ready.value = false;
    error.value = null;
    baseline = 0;
  }

  function mark(clientId: string, state: PendingMessage['state'], code: string | null): void {
    pending.value = pending.value.map((p) => (p.clientId === clientId ? { ...p, state, error: code } : p));
  }

  async function deliver(message: PendingMessage): Promise<void> {
    const socket = sockets.socket;
    const id = inquiryId.value;
    if (!socket?.connected || !id) return mark(message.clientId, 'failed', 'NETWORK');
    mark(message.clientId, 'sending', null);
    try {
      const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('inquiry:send', {
        inquiryId: id,
        clientId: message.clientId,
        body: message.body,
        attachmentIds: message.attachmentIds,
      });
      if (answer.ok) accept([answer.data]);
      else mark(message.clientId, 'failed', answer.error.code);
    } catch {
      mark(message.clientId, 'failed', 'NETWORK');
    }
  }

  function send(body: string, attachmentIds: string[] = []): Promise<void> {
    const message: PendingMessage = {
      clientId: newClientId(),
      body,
      attachmentIds,
      state: 'sending',
      error: null,
      createdAt: new Date().toISOString(),
    };
    pending.value = [...pending.value, message];
    return deliver(message);
  }

  function retry(clientId: string): Promise<void> {
    const message = pending.value.find((p) => p.clientId === clientId);
    return message ? deliver(message) : Promise.resolve();
  }

  const discard = (clientId: string) =>
    (pending.value = pending.value.filter((p) => p.clientId !== clientId));

  /** Tells the room how far this user has read (read receipts), once per new message. */
  function markRead(userId: string): void {
    const seq = latestSeq.value;
    if (!inquiryId.value || seq <= (reads.value[userId] ?? 0)) return;
    reads.value = { ...reads.value, [userId]: seq };
    sockets.socket?.emit('inquiry:read', { inquiryId: inquiryId.value, seq });
  }

  function notifyTyping(): void {
    if (!inquiryId.value || Date.now() - lastTypingSent < TYPING_SENT_EVERY_MS) return;
    lastTypingSent = Date.now();
    sockets.socket?.emit('inquiry:typing', { inquiryId: inquiryId.value });
  }

  async function loadOlder(): Promise<void> {
    const id = inquiryId.value;
    const first = messages.value[0]?.seq;
    if (!id || !first) return;
    const page = await history(id, { beforeSeq: first });
    accept(page.messages);
    hasOlder.value = page.hasMore;
  }

  return {
    inquiryId,
    messages,
    pending,
    reads,
    typing,
    hasOlder,
    ready,
    error,
    latestSeq,
    open,
    leave,
    send,
    retry,
    discard,
    markRead,
    notifyTyping,
    loadOlder,
  };
});
