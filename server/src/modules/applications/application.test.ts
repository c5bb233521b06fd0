import type { ApplicationInput, NeedInput } from '@techmatch/shared';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createAccount, type TestAccount } from '../../test/clients.js';
import { buildChallengeInput, daysFromToday } from '../../test/factories.js';
import { publishListing } from '../../test/listings.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let firm: TestAccount;
let otherFirm: TestAccount;
let teamA: TestAccount;
let teamB: TestAccount;
let staff: TestAccount;
let challengeId: string;

function buildApplication(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    plan: '采用磁化焙烧—弱磁选工艺提铁，尾渣经机械力化学活化后与矿渣复配制备胶凝材料，分三阶段完成中试。',
    milestones: [
      { title: '小试配方确定', dueDate: daysFromToday(90), deliverable: '配方与检测报告' },
      { title: '中试线验证', dueDate: daysFromToday(240), deliverable: '中试报告' },
    ],
    requestedAmountFen: 2_500_000_00,
    team: [{ name: '黄教授', role: '负责人', expertise: '冶金固废资源化' }],
    attachmentIds: [],
    ...overrides,
  };
}

function challengeWith(changes: Partial<NonNullable<NeedInput['challenge']>>): NeedInput {
  const input = buildChallengeInput();
  if (!input.challenge) throw new Error('the factory builds a challenge');
  return { ...input, challenge: { ...input.challenge, ...changes } };
}

beforeAll(async () => {
  [firm, otherFirm, teamA, teamB, staff] = await Promise.all([
    createAccount(stack.app, stack.services, { role: 'firm' }),
    createAccount(stack.app, stack.services, { role: 'firm' }),
    createAccount(stack.app, stack.services, { role: 'researcher' }),
    createAccount(stack.app, stack.services, { role: 'researcher' }),
    createAccount(stack.app, stack.services, { role: 'staff' }),
  ]);
});

beforeEach(async () => {
  challengeId = await publishListing(firm.client, staff.client, 'needs', buildChallengeInput());
});

const apply = (team: TestAccount, input = buildApplication(), id = challengeId) =>
  team.client.post(`/api/needs/${id}/applications`, input);

describe('applying to a challenge', () => {
  it('takes one application per team before the deadline, and tells the firm', async () => {
    const res = await apply(teamA);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'submitted',
      requestedAmountFen: 2_500_000_00,
      challenge: { id: challengeId, awarded: false },
      applicant: { userId: teamA.userId },
    });
    const twice = await apply(teamA);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'APPLICATION_EXISTS']);
    const inbox = (await firm.client.get('/api/notifications')).body.items;
    expect(inbox).toContainEqual(
      expect.objectContaining({ type: 'application_received', link: `/needs/${challengeId}/applications` }),
    );
    expect((await teamA.client.get('/api/applications/mine')).body.items).toContainEqual(
      expect.objectContaining({ id: res.body.id }),
    );
  });

  it('refuses after the application deadline, above the bounty, and from firms', async () => {
    await stack.services.models.needs.updateOne(
      { _id: challengeId },
      { $set: { 'challenge.applicationDeadline': daysFromToday(-1) } },
    );
    const late = await apply(teamA);
    expect([late.status, late.body.error.code]).toEqual([409, 'APPLICATION_DEADLINE_PASSED']);
    const open = await publishListing(
      firm.client,
      staff.client,
      'needs',
      challengeWith({ bountyFen: 100_00 }),
    );
    const greedy = await apply(teamA, buildApplication({ requestedAmountFen: 100_01 }), open);
    expect(greedy.body.error.details.issues[0]).toMatchObject({
      path: 'body.requestedAmountFen',
      message: 'v.amountOverBounty',
    });
    expect((await apply(otherFirm, buildApplication(), open)).status).toBe(403);
    const general = await publishListing(firm.client, staff.client, 'needs');
    expect((await apply(teamA, buildApplication(), general)).status).toBe(404);
  });
});

describe('the firm’s review board', () => {
  it('shows the firm its applications, and nobody else’s', async () => {
    await apply(teamA);
    await apply(teamB);
    const board = await firm.client.get(`/api/needs/${challengeId}/applications`);
    expect(board.body.items.map((a: { applicant: { userId: string } }) => a.applicant.userId)).toEqual([
      teamA.userId,
      teamB.userId,
    ]);
    expect((await otherFirm.client.get(`/api/needs/${challengeId}/applications`)).status).toBe(404);
    expect((await teamA.client.get(`/api/needs/${challengeId}/applications`)).status).toBe(404);
    const other = board.body.items[1].id as string;
    expect((await teamA.client.get(`/api/applications/${other}`)).status).toBe(404);
  });

  it('refuses a firm picking the winner of someone else’s challenge', async () => {
    const { body } = await apply(teamA);
    const hijack = await otherFirm.client.post(`/api/applications/${body.id}/decision`, { decision: 'won' });
    expect(hijack.status).toBe(404);
    const byStaff = await staff.client.post(`/api/applications/${body.id}/decision`, { decision: 'won' });
    expect(byStaff.status).toBe(403);
    expect((await teamA.client.get(`/api/applications/${body.id}`)).body.status).toBe('submitted');
  });

  it('shortlists, rejects with a reason, and awards: 揭榜成功 opens an inquiry with the winner', async () => {
    const a = (await apply(teamA)).body.id as string;
    const b = (await apply(teamB)).body.id as string;
    const decide = (id: string, decision: object) =>
      firm.client.post(`/api/applications/${id}/decision`, decision);
    expect((await decide(a, { decision: 'shortlisted' })).body.status).toBe('shortlisted');
    expect((await decide(b, { decision: 'rejected' })).status).toBe(400);

    const won = await decide(a, { decision: 'won', reason: '方案指标最优' });
    expect(won.body).toMatchObject({
      status: 'won',
      challenge: { awarded: true },
      inquiryId: expect.any(String),
    });
    const inquiry = await teamA.client.get(`/api/inquiries/${won.body.inquiryId}`);
    expect(inquiry.body).toMatchObject({
      status: 'negotiating',
      applicationId: a,
      listing: { type: 'need', id: challengeId },
      viewer: { side: 'initiator' },
    });
    expect(inquiry.body.contacts.owner).toMatchObject({ contactName: '陆经理' });

    expect((await teamB.client.get(`/api/applications/${b}`)).body).toMatchObject({
      status: 'rejected',
      challenge: { awarded: true },
    });
    const need = await anonymous(stack.app).get(`/api/needs/${challengeId}`);
    expect(need.body).toMatchObject({ status: 'closed', challenge: { awardedAt: expect.any(String) } });
    expect((await decide(b, { decision: 'won' })).status).toBe(409);
    const late = await createAccount(stack.app, stack.services, { role: 'researcher' });
    expect((await apply(late)).body.error.code).toBe('APPLICATION_DEADLINE_PASSED');

    // Redelivering the award event (after a crash, say) changes nothing.
    await stack.services.applications.completeAward({
      _id: 'redelivered',
      type: 'challenge.awarded',
      at: new Date(),
      payload: { needId: challengeId, applicationId: a, title: '' },
      audit: null,
    });
    expect(await stack.services.models.inquiries.countDocuments({ applicationId: a })).toBe(1);

    const audit = await staff.client.get(`/api/audit?targetId=${challengeId}&action=need.awarded`);
    expect(audit.body.items[0]).toMatchObject({ actorId: firm.userId, reason: '方案指标最优' });
    const decisions = (await teamA.client.get('/api/notifications')).body.items.map(
      (n: { type: string; params: { status?: string; origin?: string } }) => [
        n.type,
        n.params.status ?? n.params.origin,
      ],
    );
    expect(decisions).toEqual(
      expect.arrayContaining([
        ['application_decided', 'shortlisted'],
        ['application_decided', 'won'],
        ['inquiry_opened', 'award'],
      ]),
    );
  });

  it('tells the winning team only once the inquiry it is to follow is open', async () => {
    const id = (await apply(teamA)).body.id as string;
    const inquiryWhenTold: unknown[] = [];
    stack.services.bus.on('application.decided', async ({ payload }) => {
      if (payload.applicationId !== id || payload.status !== 'won') return;
      inquiryWhenTold.push((await teamA.client.get(`/api/applications/${id}`)).body.inquiryId);
    });
    await firm.client.post(`/api/applications/${id}/decision`, { decision: 'won' });
    expect(inquiryWhenTold).toEqual([expect.stringMatching(/^[0-9a-f]{24}$/)]);
  });
});
