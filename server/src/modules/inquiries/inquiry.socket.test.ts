import type { InquiryMessage, SocketAck, SocketError } from '@techmatch/shared';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../test/clients.js';
import { publishListing } from '../../test/listings.js';
import { connectSocket, listenWithRealtime, record, type ClientSocket } from '../../test/realtime.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let url: string;
let researcher: TestAccount;
let firm: TestAccount;
let staff: TestAccount;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  url = await listenWithRealtime(stack);
  [researcher, staff] = await Promise.all([
    createAccount(stack.app, stack.services, { role: 'researcher' }),
    createAccount(stack.app, stack.services, { role: 'staff' }),
  ]);
});
// A fresh asker per test: every test starts with a full message-rate budget, however fast the previous ran.
beforeEach(async () => {
  firm = await createAccount(stack.app, stack.services, { role: 'firm' });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function connect(account: TestAccount, headers: Record<string, string> = {}): Promise<ClientSocket> {
  const socket = await connectSocket(url, account.client.cookie, headers);
  sockets.push(socket);
  return socket;
}

/** A fresh inquiry of `asker` (a firm user) on a new achievement of the researcher. */
async function openInquiry(asker: TestAccount = firm): Promise<string> {
  const listingId = await publishListing(researcher.client, staff.client, 'achievements');
  const res = await asker.client.post('/api/inquiries', {
    listingType: 'achievement',
    listingId,
    message: '您好，想了解该成果的许可方式。',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function joined(socket: ClientSocket, inquiryId: string, afterSeq?: number) {
  const answer = await socket.emitWithAck('inquiry:join', { inquiryId, afterSeq });
  if (!answer.ok) throw new Error(`join refused: ${answer.error.code}`);
  return answer.data;
}

const send = (socket: ClientSocket, inquiryId: string, body: string, clientId = `c-${crypto.randomUUID()}`) =>
  socket.emitWithAck('inquiry:send', { inquiryId, clientId, body });

function stored(answer: SocketAck<InquiryMessage>): InquiryMessage {
  if (!answer.ok) throw new Error(`send refused: ${answer.error.code}`);
  return answer.data;
}

const errorOf = (answer: SocketAck<unknown>) => (answer.ok ? null : answer.error.code);

describe('inquiry rooms', () => {
  it('delivers each message, in order, to every participant and to the sender’s other tabs', async () => {
    const id = await openInquiry();
    const [tabA, tabB, owner] = await Promise.all([connect(firm), connect(firm), connect(researcher)]);
    const history = await Promise.all([tabA, tabB, owner].map((s) => joined(s, id)));
    expect(history[2]?.messages.map((m) => m.seq)).toEqual([1]);
    const inboxes = [tabB, owner].map((s) => record(s, 'inquiry:message'));

    const acks = (await Promise.all(['一', '二', '三', '四'].map((n) => send(tabA, id, `第${n}条`)))).map(
      stored,
    );
    const seqs = acks.map((m) => m.seq).sort((a, b) => a - b);
    expect(seqs).toEqual([2, 3, 4, 5]);
    const reply = stored(await send(owner, id, '收到，请看附件中的许可条款。'));
    expect(reply.sender).toMatchObject({ side: 'owner', userId: researcher.userId });

    for (const inbox of inboxes) {
      await expect.poll(() => inbox.length).toBe(5);
      expect(inbox.map((m) => m.seq).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
    }
    const page = await firm.client.get(`/api/inquiries/${id}/messages`);
    expect(page.body.messages.map((m: InquiryMessage) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps a socket out of rooms it does not take part in, and its messages out of them', async () => {
    const id = await openInquiry();
    const outsider = await createAccount(stack.app, stack.services, { role: 'firm' });
    const [intruder, owner] = await Promise.all([connect(outsider), connect(researcher)]);
    await joined(owner, id);
    const overheard = record(intruder, 'inquiry:message');
    const refusal = await intruder.emitWithAck('inquiry:join', { inquiryId: id });
    expect(refusal).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '内容不存在或无权查看。' },
    });
    expect(errorOf(await send(intruder, id, '我也来说两句'))).toBe('NOT_FOUND');
    const typing = record(owner, 'inquiry:typing');
    intruder.emit('inquiry:typing', { inquiryId: id });
    stored(await send(owner, id, '只有参与方能看到'));
    await expect.poll(async () => (await firm.client.get(`/api/inquiries/${id}`)).body.lastSeq).toBe(2);
    expect(overheard).toEqual([]);
    expect(typing).toEqual([]);
    expect((await researcher.client.get(`/api/inquiries/${id}/messages`)).body.messages).toHaveLength(2);
  });

  it('validates every payload and answers in the socket’s language', async () => {
    const id = await openInquiry();
    const socket = await connect(firm, { 'Accept-Language': 'en' });
    const empty = await send(socket, id, '   ');
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Some fields are not valid.' },
    });
    expect(errorOf(await send(socket, id, 'x'.repeat(2001)))).toBe('VALIDATION_FAILED');
    expect(errorOf(await socket.emitWithAck('inquiry:join', { inquiryId: 'not-an-id' }))).toBe(
      'VALIDATION_FAILED',
    );
    const errors = record(socket, 'inquiry:error');
    // A client that asks for no acknowledgement still hears why it was refused.
    (socket.emit as (event: string, payload: unknown) => void)('inquiry:send', { inquiryId: id, body: '' });
    await expect
      .poll(() => errors)
      .toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', event: 'inquiry:send' })]);
  });

  it('rate-limits a flooding user with a clear error, and keeps what it accepted', async () => {
    const flooder = await createAccount(stack.app, stack.services, { role: 'firm' });
    const id = await openInquiry(flooder);
    const socket = await connect(flooder);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => send(socket, id, `刷屏${i}`)));
    const refused = answers.filter((a) => !a.ok).map((a) => (a.ok ? null : a.error));
    expect(refused.length).toBeGreaterThanOrEqual(15);
    expect(refused[0]).toMatchObject<Partial<SocketError>>({
      code: 'RATE_LIMITED',
      message: '发送过于频繁，请稍候再发。',
      details: { retryAfterMs: expect.any(Number) },
    });
    const kept = (await flooder.client.get(`/api/inquiries/${id}/messages`)).body.messages;
    expect(kept).toHaveLength(1 + answers.filter((a) => a.ok).length);
    const errors = record(socket, 'inquiry:error');
    socket.emit(
      'inquiry:send',
      { inquiryId: id, clientId: 'no-ack-flood-1', body: '还在刷' },
      () => undefined,
    );
    (socket.emit as (event: string, payload: unknown) => void)('inquiry:send', {
      inquiryId: id,
      clientId: 'no-ack-flood-2',
      body: '还在刷',
    });
    await expect.poll(() => errors.map((e) => e.code)).toEqual(['RATE_LIMITED']);
  });
});

describe('resuming after a disconnection', () => {
  it('answers exactly what was missed, and stores a resent message once', async () => {
    const id = await openInquiry();
    const [sender, first] = await Promise.all([connect(firm), connect(researcher)]);
    await Promise.all([joined(sender, id), joined(first, id)]);
    const resend = stored(await send(sender, id, '第一条', 'resend-0001'));
    await expect.poll(async () => (await researcher.client.get(`/api/inquiries/${id}`)).body.lastSeq).toBe(2);
    first.disconnect();

    const missed = [];
    for (const text of ['断线期间一', '断线期间二', '断线期间三'])
      missed.push(stored(await send(sender, id, text)));
    expect(stored(await send(sender, id, '第一条', 'resend-0001'))).toEqual(resend);

    const back = await connect(researcher);
    const live = record(back, 'inquiry:message');
    const resumed = await joined(back, id, resend.seq);
    expect(resumed.messages.map((m) => m.body)).toEqual(['断线期间一', '断线期间二', '断线期间三']);
    expect(resumed.hasMore).toBe(false);
    stored(await send(sender, id, '欢迎回来'));
    await expect.poll(() => live.map((m) => m.body)).toEqual(['欢迎回来']);
    const all = (await firm.client.get(`/api/inquiries/${id}/messages`)).body.messages as InquiryMessage[];
    expect(all.filter((m) => m.clientId === 'resend-0001')).toHaveLength(1);
  });
});

describe('receipts and typing', () => {
  it('tells the room who read how far, and tells the others (only) who is typing', async () => {
    const id = await openInquiry();
    const [asker, owner] = await Promise.all([connect(firm), connect(researcher)]);
    await Promise.all([joined(asker, id), joined(owner, id)]);
    const receipts = record(asker, 'inquiry:read');
    const ownTyping = record(asker, 'inquiry:typing');
    const seenTyping = record(owner, 'inquiry:typing');
    const message = stored(await send(asker, id, '请问何时方便电话沟通？'));
    asker.emit('inquiry:typing', { inquiryId: id });
    expect(await owner.emitWithAck('inquiry:read', { inquiryId: id, seq: message.seq })).toEqual({
      ok: true,
      data: { seq: message.seq },
    });
    await expect
      .poll(() => receipts)
      .toEqual([{ inquiryId: id, userId: researcher.userId, seq: message.seq }]);
    await expect
      .poll(() => seenTyping)
      .toEqual([{ inquiryId: id, userId: firm.userId, name: expect.any(String) }]);
    expect(ownTyping).toEqual([]);
    const { body } = await researcher.client.get(`/api/inquiries/${id}`);
    expect(body.reads[researcher.userId ?? '']).toBe(message.seq);
  });
});
