import { ApplicationInputSchema } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { applicationFormIssues, applicationInputFrom, emptyApplicationForm } from './application-form.js';

const filled = () => ({
  ...emptyApplicationForm(),
  plan: '以提铁尾渣为主要原料，采用碱激发工艺制备胶凝材料，分三阶段完成中试与示范线建设。',
  milestones: [{ title: '小试配方', dueDate: '2027-03-01', deliverable: '配方与检测报告' }],
  amount: '120.5',
  team: [{ name: '王教授', role: '负责人', expertise: '固废资源化' }],
});

describe('application form', () => {
  it('sends the amount typed in 万元 as exact fen, and the schema accepts the rest', () => {
    const input = ApplicationInputSchema.parse(applicationInputFrom(filled()));
    expect(input.requestedAmountFen).toBe(120_500_000);
    expect(input.milestones[0]?.dueDate).toBe('2027-03-01');
  });

  it('refuses an amount that is not one, or above the bounty', () => {
    expect(applicationFormIssues({ ...filled(), amount: 'abc' }, 300_000_000, 'too much')).toEqual([
      { path: 'requestedAmountFen', message: '请输入金额（万元）' },
    ]);
    expect(applicationFormIssues({ ...filled(), amount: '301' }, 300_000_000, 'too much')).toEqual([
      { path: 'requestedAmountFen', message: 'too much' },
    ]);
    expect(applicationFormIssues(filled(), 300_000_000, 'too much')).toEqual([]);
  });
});
