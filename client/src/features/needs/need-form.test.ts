import { NeedInputSchema, todayInChina, type Need } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { emptyNeedForm, needFormFrom, needFormIssues, needInputFrom } from './need-form.js';

const inDays = (days: number) => todayInChina(new Date(Date.now() + days * 86_400_000));

const challenge: Need = {
  id: 'a'.repeat(24),
  title: '揭榜挂帅：高铁赤泥提铁尾渣制备高性能胶凝材料',
  description: '我公司每年产生提铁尾渣约30万吨，希望开发以尾渣为主要原料的高性能胶凝材料，实现规模化消纳。',
  field: '生态铝',
  keywords: ['赤泥', '胶凝材料'],
  organisationId: 'b'.repeat(24),
  organisationName: '平果铝业有限公司',
  ownerId: 'c'.repeat(24),
  status: 'draft',
  reviewNote: null,
  attachments: [],
  publishedAt: null,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-06T02:00:00.000Z',
  county: '平果市',
  budgetFen: null,
  deadline: inDays(120),
  kind: 'challenge',
  challenge: {
    bountyFen: 300 * 1_000_000,
    requirements: ['尾渣掺量不低于40%', '28天抗压强度不低于42.5MPa'],
    applicationDeadline: inDays(60),
    visibility: 'verified',
    awardedAt: null,
  },
  contactName: '陆经理',
  contactPhone: '0776-5811111',
  contactEmail: 'lu@firm.example.cn',
};

describe('need form', () => {
  it('round-trips a challenge: bounty in 万元 back to the same fen, terms and visibility kept', () => {
    const form = needFormFrom(challenge);
    expect(form).toMatchObject({ bounty: '300', negotiable: true, budget: '' });
    const input = NeedInputSchema.parse(needInputFrom(form));
    expect(input.budgetFen).toBeNull();
    expect({ ...input.challenge, awardedAt: null }).toEqual(challenge.challenge);
  });

  it('sends no challenge terms for a general need, even when some were typed before switching', () => {
    const form = { ...needFormFrom(challenge), kind: 'general' as const, budget: '0.5', negotiable: false };
    const input = NeedInputSchema.parse(needInputFrom(form));
    expect(input).toMatchObject({ kind: 'general', challenge: null, budgetFen: 500_000 });
  });

  it('asks for the county, an amount and the challenge dates the user left out', () => {
    const form = { ...emptyNeedForm(), kind: 'challenge' as const, budget: 'abc', bounty: '' };
    expect(needFormIssues(form).map((issue) => issue.path)).toEqual([
      'field',
      'county',
      'challenge.applicationDeadline',
      'budgetFen',
      'challenge.bountyFen',
    ]);
    expect(needFormIssues({ ...form, kind: 'general' }).map((issue) => issue.path)).toEqual([
      'field',
      'county',
      'budgetFen',
    ]);
  });

  it('suggests 面议 for a budget that is no amount, but not for a bounty, which cannot be negotiable', () => {
    const form = { ...needFormFrom(challenge), budget: 'abc', negotiable: false, bounty: '三百万' };
    const messages = Object.fromEntries(needFormIssues(form).map((issue) => [issue.path, issue.message]));
    expect(messages).toEqual({
      budgetFen: '请输入金额（万元），或选择面议',
      'challenge.bountyFen': '请输入金额（万元）',
    });
  });
});
