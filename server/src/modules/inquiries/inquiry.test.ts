import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../test/clients.js';
import { buildAchievementInput, buildChallengeInput } from '../../test/factories.js';
import { publishListing } from '../../test/listings.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let researcher: TestAccount;
let firm: TestAccount;
let staff: TestAccount;
let achievementId: string;

beforeAll(async () => {
  [researcher, firm, staff] = await Promise.all([
    createAccount(stack.app, stack.services, { role: 'researcher' }),
    createAccount(stack.app, stack.services, { role: 'firm' }),
    createAccount(stack.app, stack.services, { role: 'staff' }),
  ]);
});

// Each test works on a listing of its own, so the accounts are shared.
beforeEach(async () => {
  achievementId = await publishListing(researcher.client, staff.client, 'achievements');
});

const inboxOf = async (account: TestAccount, id: string, query = '') =>
  (await account.client.get(`/api/notifications${query}`)).body.items.filter(
    (n: { link: string }) => n.link === `/inquiries/${id}`,
  );

async function openInquiry(message = '我们对该技术很感兴趣，希望了解许可条件。') {
  const res = await firm.client.post('/api/inquiries', {
    listingType: 'achievement',
    listingId: achievementId,
    message,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const contactsOf = async (account: TestAccount, id: string) =>
  (await account.client.get(`/api/inquiries/${id}`)).body.contacts;

describe('opening an inquiry', () => {
  it('starts with the opening message, lists it for both sides and tells the owner', async () => {
    const id = await openInquiry();
    const mine = await researcher.client.get('/api/inquiries');
    expect(mine.body.items[0]).toEqual(
      expect.objectContaining({
        id,
        status: 'open',
        listing: expect.objectContaining({ type: 'achievement', id: achievementId }),
        viewer: { side: 'owner', unread: 1 },
      }),
    );
    const history = await researcher.client.get(`/api/inquiries/${id}/messages`);
    expect(history.body.messages).toEqual([
      expect.objectContaining({ seq: 1, kind: 'text', body: '我们对该技术很感兴趣，希望了解许可条件。' }),
    ]);
    expect(await inboxOf(researcher, id)).toEqual([expect.objectContaining({ type: 'inquiry_opened' })]);
  });

  it('allows one inquiry under way per listing and organisation, and a new one after closing', async () => {
    const id = await openInquiry();
    const again = await firm.client.post('/api/inquiries', {
      listingType: 'achievement',
      listingId: achievementId,
      message: '再问一次',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'INQUIRY_EXISTS', details: { inquiryId: id } });
    await firm.client.post(`/api/inquiries/${id}/close`, { reason: '暂不考虑' });
    expect(await openInquiry('重新洽谈')).not.toBe(id);
  });

  it('refuses the wrong direction, an own listing, an unpublished listing and a challenge', async () => {
    const colleague = await createAccount(stack.app, stack.services, {
      role: 'researcher',
      organisation: { id: researcher.organisationId ?? '' },
    });
    const draft = await researcher.client.post('/api/achievements', buildAchievementInput());
    const challengeId = await publishListing(firm.client, staff.client, 'needs', buildChallengeInput());
    const attempts: [TestAccount, object, number, string][] = [
      [colleague, { listingType: 'achievement', listingId: achievementId }, 403, 'INQUIRY_NOT_ALLOWED'],
      [firm, { listingType: 'achievement', listingId: draft.body.id }, 404, 'NOT_FOUND'],
      [researcher, { listingType: 'need', listingId: challengeId }, 403, 'INQUIRY_NOT_ALLOWED'],
      [staff, { listingType: 'achievement', listingId: achievementId }, 403, 'FORBIDDEN'],
    ];
    for (const [account, target, status, code] of attempts) {
      const res = await account.client.post('/api/inquiries', { ...target, message: '你好' });
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
  });
});

describe('answering an inquiry', () => {
  it('discloses the owner’s contacts to the asking side only once the owner accepts', async () => {
    const id = await openInquiry();
    expect(await contactsOf(firm, id)).toMatchObject({ owner: null, initiator: { contactName: '张三' } });
    expect((await contactsOf(researcher, id)).owner).toMatchObject({ contactPhone: '13907760001' });
    const accepted = await researcher.client.post(`/api/inquiries/${id}/decision`, { decision: 'accept' });
    expect(accepted.body.status).toBe('negotiating');
    expect((await contactsOf(firm, id)).owner).toEqual({
      contactName: '王教授',
      contactPhone: '13907760001',
      contactEmail: 'wang@university.example.cn',
    });
    expect((await firm.client.get(`/api/achievements/${achievementId}`)).body.contactPhone).toBeUndefined();
  });

  it('lets only the listing’s side decide, and a decline needs a reason', async () => {
    const id = await openInquiry();
    const byAsker = await firm.client.post(`/api/inquiries/${id}/decision`, { decision: 'accept' });
    expect(byAsker.status).toBe(403);
    const noReason = await researcher.client.post(`/api/inquiries/${id}/decision`, { decision: 'decline' });
    expect(noReason.status).toBe(400);
    const declined = await researcher.client.post(`/api/inquiries/${id}/decision`, {
      decision: 'decline',
      reason: '该成果已独家许可',
    });
    expect(declined.body).toMatchObject({
      status: 'closed',
      closure: { kind: 'declined', reason: '该成果已独家许可' },
    });
    const late = await firm.client.post(`/api/inquiries/${id}/messages`, {
      clientId: 'late-message-1',
      body: '还在吗',
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'INVALID_STATE']);
  });

  it('is agreed once both sides confirm, with every step audited and in the conversation', async () => {
    const id = await openInquiry();
    await researcher.client.post(`/api/inquiries/${id}/decision`, { decision: 'accept' });
    const half = await firm.client.post(`/api/inquiries/${id}/agree`);
    expect(half.body).toMatchObject({ status: 'negotiating', agreed: { initiator: true, owner: false } });
    const both = await researcher.client.post(`/api/inquiries/${id}/agree`);
    expect(both.body.status).toBe('agreed');
    const audit = await staff.client.get(`/api/audit?targetId=${id}`);
    expect(audit.body.items.map((entry: { action: string }) => entry.action).sort()).toEqual(
      ['inquiry.accepted', 'inquiry.agreed', 'inquiry.agreed_by', 'inquiry.agreed_by', 'inquiry.open'].sort(),
    );
    const lines = (await firm.client.get(`/api/inquiries/${id}/messages`)).body.messages;
    expect(lines.map((m: { event: { type: string } | null }) => m.event?.type ?? 'text')).toEqual([
      'text',
      'accepted',
      'agreed_by',
      'agreed_by',
      'agreed',
    ]);
  });
});

describe('brokers and outsiders', () => {
  it('lets staff join as 技术经纪人 and write; nobody else reads or writes', async () => {
    const id = await openInquiry();
    const outsider = await createAccount(stack.app, stack.services, { role: 'firm' });
    expect((await outsider.client.get(`/api/inquiries/${id}`)).status).toBe(404);
    expect((await outsider.client.get(`/api/inquiries/${id}/messages`)).status).toBe(404);
    const intrusion = await outsider.client.post(`/api/inquiries/${id}/messages`, {
      clientId: 'intruder-0001',
      body: '我也想参与',
    });
    expect(intrusion.status).toBe(404);
    expect((await outsider.client.post(`/api/inquiries/${id}/brokers`)).status).toBe(403);

    expect((await staff.client.get(`/api/inquiries/${id}`)).body.viewer.side).toBeNull();
    const joined = await staff.client.post(`/api/inquiries/${id}/brokers`);
    expect(joined.body.brokers).toEqual([expect.objectContaining({ userId: staff.userId })]);
    expect(joined.body.viewer.side).toBe('broker');
    const sent = await staff.client.post(`/api/inquiries/${id}/messages`, {
      clientId: 'broker-hello-1',
      body: '我是科技局技术经纪人，可协助双方洽谈。',
    });
    expect(sent.body.sender).toMatchObject({ side: 'broker', userId: staff.userId });
    expect(await inboxOf(firm, id)).toContainEqual(
      expect.objectContaining({
        type: 'inquiry_status',
        params: expect.objectContaining({ change: 'broker_joined' }),
      }),
    );
    expect((await staff.client.get(`/api/audit?targetId=${id}&action=inquiry.broker_join`)).body.total).toBe(
      1,
    );
  });
});

describe('messages over HTTP', () => {
  it('refuses empty and oversize messages and stores HTML as the plain text it is', async () => {
    const id = await openInquiry();
    const empty = await firm.client.post(`/api/inquiries/${id}/messages`, {
      clientId: 'empty-message',
      body: '   ',
    });
    const oversize = await firm.client.post(`/api/inquiries/${id}/messages`, {
      clientId: 'oversize-message',
      body: '长'.repeat(2001),
    });
    expect([empty.status, oversize.status]).toEqual([400, 400]);
    const html = '<script>alert(1)</script><b>价格</b>';
    const sent = await firm.client.post(`/api/inquiries/${id}/messages`, {
      clientId: 'html-message',
      body: html,
    });
    expect(sent.body.body).toBe(html);
    const read = await researcher.client.get(`/api/inquiries/${id}/messages?afterSeq=1`);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.body.messages[0].body).toBe(html);
  });

  it('leaves one inbox entry for unread messages, cleared when the recipient reads them', async () => {
    const id = await openInquiry();
    await researcher.client.post(`/api/inquiries/${id}/decision`, { decision: 'accept' });
    for (const n of [1, 2, 3]) {
      await researcher.client.post(`/api/inquiries/${id}/messages`, {
        clientId: `owner-msg-${n}00`,
        body: `第${n}条`,
      });
    }
    const unread = async () =>
      (await inboxOf(firm, id, '?unread=true')).filter((n: { type: string }) => n.type === 'inquiry_message');
    await expect.poll(async () => (await unread()).length).toBe(1);
    const { body } = await firm.client.get(`/api/inquiries/${id}`);
    expect(body.viewer.unread).toBeGreaterThanOrEqual(3);
    await firm.client.post(`/api/inquiries/${id}/read`, { seq: body.lastSeq });
    expect(await unread()).toEqual([]);
    expect((await firm.client.get(`/api/inquiries/${id}`)).body.viewer.unread).toBe(0);
  });

  it('lets participants download a file sent in the conversation, and nobody else', async () => {
    const id = await openInquiry();
    const upload = await firm.client.agent
      .post('/api/attachments')
      .set('X-CSRF-Token', firm.client.csrfToken ?? '')
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), '需求说明.pdf');
    expect(upload.status).toBe(201);
    const sent = await firm.client.post(`/api/inquiries/${id}/messages`, {
      clientId: 'with-file-0001',
      body: '附上需求说明',
      attachmentIds: [upload.body.id],
    });
    expect(sent.body.attachments).toEqual([expect.objectContaining({ filename: '需求说明.pdf' })]);
    expect((await researcher.client.get(`/api/attachments/${upload.body.id}`)).status).toBe(200);
    const outsider = await createAccount(stack.app, stack.services, { role: 'researcher' });
    expect((await outsider.client.get(`/api/attachments/${upload.body.id}`)).status).toBe(404);
  });
});
