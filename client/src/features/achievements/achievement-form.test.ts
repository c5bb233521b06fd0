import { AchievementInputSchema, type Achievement } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import {
  achievementFormFrom,
  achievementFormIssues,
  achievementInputFrom,
  emptyAchievementForm,
} from './achievement-form.js';

const achievement: Achievement = {
  id: 'a'.repeat(24),
  title: '芒果采后保鲜与冷链物流技术',
  summary: '针对百色芒果采后易腐烂的问题，研发了复合涂膜保鲜与预冷分级技术，货架期延长7天以上。',
  field: '现代特色农林',
  keywords: ['芒果', '保鲜'],
  organisationId: 'b'.repeat(24),
  organisationName: '百色学院',
  ownerId: 'c'.repeat(24),
  status: 'rejected',
  reviewNote: '请补充检测报告',
  attachments: [{ id: 'd'.repeat(24), filename: '检测报告.pdf', contentType: 'application/pdf', size: 1024 }],
  publishedAt: null,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-06T02:00:00.000Z',
  team: '农学院',
  maturity: '中试',
  ipType: '发明专利',
  patentNumbers: ['ZL202210123456.7'],
  transferModes: ['许可', '技术服务'],
  askingPriceFen: 12_500_000,
  contactName: '韦老师',
  contactPhone: '13907760001',
  contactEmail: 'wei@bsu.example.cn',
};

describe('achievement form', () => {
  it('shows the price in 万元 and sends it back as the same fen', () => {
    const form = achievementFormFrom(achievement);
    expect(form.price).toBe('12.5');
    const input = AchievementInputSchema.parse(achievementInputFrom(form));
    expect(input).toMatchObject({
      askingPriceFen: 12_500_000,
      attachmentIds: ['d'.repeat(24)],
      contactEmail: 'wei@bsu.example.cn',
      transferModes: ['许可', '技术服务'],
    });
    expect(input).not.toHaveProperty('attachments');
  });

  it('sends 面议 as a null price, whatever amount is left in the box', () => {
    const form = { ...achievementFormFrom(achievement), negotiable: true, price: '不是金额' };
    expect(achievementFormIssues(form)).toEqual([]);
    expect(achievementInputFrom(form).askingPriceFen).toBeNull();
  });

  it('asks for the choices and an amount the user has not given, on the fields the API names', () => {
    const form = { ...emptyAchievementForm(), price: '12.34567890' };
    expect(achievementFormIssues(form).map((issue) => issue.path)).toEqual([
      'field',
      'maturity',
      'ipType',
      'askingPriceFen',
    ]);
    expect(achievementFormIssues(form)[0]?.message).toBe('请选择');
  });
});
