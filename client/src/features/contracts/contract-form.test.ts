import { ContractInputSchema, type ContractPrefill } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { amountIssues, contractInputOf, formFromPrefill } from './contract-form.js';
import { progressPercent } from './dashboard-charts.js';

const prefill: ContractPrefill = {
  title: '赤泥低温脱碱技术',
  field: '生态铝',
  origin: 'inquiry',
  seller: {
    organisationId: 'a'.repeat(24),
    name: '百色学院',
    creditCode: null,
    province: '广西壮族自治区',
    county: '右江区',
  },
  buyer: { organisationId: 'b'.repeat(24), name: '南宁铝业', creditCode: null, province: null, county: null },
  links: {
    inquiryId: 'c'.repeat(24),
    achievementId: 'd'.repeat(24),
    needId: null,
    challengeId: null,
    matchId: null,
    brokerId: null,
  },
};

describe('contract form', () => {
  it('starts from an inquiry and becomes a valid contract once the rest is filled in', () => {
    const model = formFromPrefill(prefill);
    expect(model).toMatchObject({ title: prefill.title, origin: 'inquiry', links: prefill.links });
    Object.assign(model, {
      type: '技术许可',
      signedDate: '2026-01-05',
      termStart: '2026-01-05',
      termEnd: '2027-01-04',
      contractAmount: '120.5',
      techAmount: '100',
    });
    model.buyer.province = '广西壮族自治区';
    const parsed = ContractInputSchema.parse(contractInputOf(model));
    expect(parsed).toMatchObject({
      contractAmountFen: 120_500_000,
      techTransactionAmountFen: 100_000_000,
      subtype: null,
    });
  });

  it('names amounts that are not 万元 amounts, and leaves the schema to refuse the rest', () => {
    const model = { ...formFromPrefill(prefill), contractAmount: '十万', techAmount: '-1' };
    expect(amountIssues(model, 'bad').map((i) => i.path)).toEqual([
      'contractAmountFen',
      'techTransactionAmountFen',
    ]);
    expect(ContractInputSchema.safeParse(contractInputOf(model)).success).toBe(false);
  });
});

describe('dashboard progress', () => {
  it('is the share reached in tenths of a percent, never above 100', () => {
    expect(progressPercent(0, 2_000_000_000_00)).toBe(0);
    expect(progressPercent(123_456_789_00, 2_000_000_000_00)).toBe(6.1);
    expect(progressPercent(3_000_000_000_00, 2_000_000_000_00)).toBe(100);
  });
});
