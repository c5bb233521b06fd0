import { beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createAccount, type TestAccount } from '../../test/clients.js';
import { buildChallengeInput, buildNeedInput, daysFromToday } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let firm: TestAccount;
let staff: TestAccount;

beforeEach(async () => {
  await stack.reset();
  firm = await createAccount(stack.app, stack.services, { role: 'firm' });
  staff = await createAccount(stack.app, stack.services, { role: 'staff' });
});

async function publish(input = buildNeedInput()): Promise<string> {
  const created = await firm.client.post('/api/needs', input);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await firm.client.post(`/api/needs/${created.body.id}/submit`);
  await staff.client.post(`/api/needs/${created.body.id}/review`, { decision: 'published' });
  await stack.synced();
  return created.body.id as string;
}

describe('揭榜挂帅 challenges', () => {
  it('appear under the challenge filter with their bounty and application deadline', async () => {
    await publish(buildNeedInput());
    const id = await publish(buildChallengeInput());
    const res = await anonymous(stack.app).get('/api/needs/search?kind=challenge');
    expect(res.body.total).toBe(1);
    expect(res.body.hits[0]).toMatchObject({
      id,
      kind: 'challenge',
      bountyFen: 3_000_000_00,
      applicationDeadline: daysFromToday(60),
    });
    expect(res.body.facets.kind).toEqual({ general: 1, challenge: 1 });
  });

  it('keeps a private challenge away from visitors and unverified users, in search and on its page', async () => {
    const input = buildChallengeInput();
    if (!input.challenge) throw new Error('the factory builds a challenge');
    const id = await publish({ ...input, challenge: { ...input.challenge, visibility: 'verified' } });
    const unverified = await createAccount(stack.app, stack.services, {
      role: 'researcher',
      organisation: 'pending',
    });
    const verified = await createAccount(stack.app, stack.services, { role: 'researcher' });
    for (const client of [anonymous(stack.app), unverified.client]) {
      expect((await client.get('/api/needs/search?kind=challenge')).body.total).toBe(0);
      expect((await client.get(`/api/needs/${id}`)).status).toBe(404);
    }
    expect((await verified.client.get('/api/needs/search?kind=challenge')).body.total).toBe(1);
    expect((await verified.client.get(`/api/needs/${id}`)).status).toBe(200);
  });

  it('requires the challenge terms exactly when the need is a challenge', async () => {
    const missing = await firm.client.post(
      '/api/needs',
      buildNeedInput({ kind: 'challenge', challenge: null }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues[0].path).toBe('body.challenge');
    const zeroBounty = buildChallengeInput();
    if (!zeroBounty.challenge) throw new Error('the factory builds a challenge');
    const res = await firm.client.post('/api/needs', {
      ...zeroBounty,
      challenge: { ...zeroBounty.challenge, bountyFen: 0 },
    });
    expect(res.status).toBe(400);
  });
});

describe('need validation', () => {
  it('refuses deadlines in the past, unknown counties and negative budgets', async () => {
    const res = await firm.client.post('/api/needs', {
      ...buildNeedInput(),
      deadline: daysFromToday(-1),
      county: '南宁市',
      budgetFen: -1,
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['body.budgetFen', 'body.county', 'body.deadline']);
    const messages = res.body.error.details.issues.map((i: { message: string }) => i.message);
    expect(messages).toContain('日期不能早于今天');
  });
});

describe('deadlines', () => {
  it('expires a published need once its deadline has passed and takes it out of search', async () => {
    const id = await publish(buildNeedInput({ title: '过期的铝灰资源化需求' }));
    await stack.services.models.needs.updateOne({ _id: id }, { $set: { deadline: daysFromToday(-1) } });
    const { expireOverdueNeeds } = await import('./need.service.js');
    expect(
      await expireOverdueNeeds(stack.services.models.needs, stack.services.outbox, stack.services.searchSync),
    ).toBe(1);
    await stack.synced();
    expect((await firm.client.get(`/api/needs/${id}`)).body.status).toBe('expired');
    expect((await anonymous(stack.app).get('/api/needs/search?q=铝灰')).body.total).toBe(0);
    const audit = await staff.client.get(`/api/audit?targetId=${id}&action=need.expired`);
    expect(audit.body.total).toBe(1);
  });

  it('filters needs still open on a date', async () => {
    await publish(buildNeedInput({ title: '短期需求', deadline: daysFromToday(5) }));
    await publish(buildNeedInput({ title: '长期需求', deadline: daysFromToday(200) }));
    await publish(buildNeedInput({ title: '无截止日期需求', deadline: null }));
    const res = await anonymous(stack.app).get(`/api/needs/search?openOn=${daysFromToday(30)}`);
    expect(res.body.hits.map((h: { title: string }) => h.title).sort()).toEqual(
      ['无截止日期需求', '长期需求'].sort(),
    );
  });
});
