import {
  ContractInputSchema,
  type Attachment,
  type Contract,
  type ContractInput,
  type ContractPrefill,
} from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { useZodForm } from '../../ui/forms/use-zod-form.js';
import {
  amountIssues,
  contractInputOf,
  contractPaymentsBalance,
  emptyPayment,
  formFromContract,
  formFromPrefill,
  formPaymentsBalance,
  type ContractFormModel,
  type PaymentModel,
} from './contract-form.js';
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

const scan: Attachment = {
  id: 'e'.repeat(24),
  filename: '合同扫描件.pdf',
  contentType: 'application/pdf',
  size: 2048,
};

/** The inquiry's form with everything else a valid contract needs, and no payment schedule. */
function filledForm(): ContractFormModel {
  const model = formFromPrefill(prefill);
  Object.assign(model, {
    type: '技术许可',
    signedDate: '2026-01-05',
    termStart: '2026-01-05',
    termEnd: '2027-01-04',
    contractAmount: '120.5',
    techAmount: '100',
  });
  model.buyer.province = '广西壮族自治区';
  return model;
}

const instalment = (amount: string, dueDate: string | null = '2026-03-01', note = ''): PaymentModel => ({
  amount,
  dueDate,
  note,
});

function withSchedule(...payments: PaymentModel[]): ContractFormModel {
  return { ...filledForm(), payments };
}

/** A saved draft as the API shows it, from what the form sent. */
function savedContract(input: ContractInput, attachments: Attachment[]): Contract {
  const { attachmentIds: _ids, ...fields } = input;
  return {
    ...fields,
    id: 'f'.repeat(24),
    status: 'draft',
    registration: null,
    returnReasons: [],
    statusNote: null,
    publicity: { title: false, amount: true, parties: false },
    attachments,
    organisationId: null,
    createdBy: '1'.repeat(24),
    imported: false,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
  };
}

describe('contract form', () => {
  it('starts from an inquiry and becomes a valid contract once the rest is filled in', () => {
    const model = filledForm();
    expect(model).toMatchObject({ title: prefill.title, origin: 'inquiry', links: prefill.links });
    expect(model).toMatchObject({ payments: [], attachments: [] });
    const parsed = ContractInputSchema.parse(contractInputOf(model));
    expect(parsed).toMatchObject({
      contractAmountFen: 120_500_000,
      techTransactionAmountFen: 100_000_000,
      subtype: null,
      payments: [],
      attachmentIds: [],
    });
  });

  it('names amounts that are not 万元 amounts, and leaves the schema to refuse the rest', () => {
    const model = {
      ...withSchedule(instalment('60'), instalment('六十')),
      contractAmount: '十万',
      techAmount: '-1',
    };
    expect(amountIssues(model, 'bad').map((i) => i.path)).toEqual([
      'contractAmountFen',
      'techTransactionAmountFen',
      'payments.1.amountFen',
    ]);
    expect(ContractInputSchema.safeParse(contractInputOf(model)).success).toBe(false);
  });

  it('sends instalments in exact fen (1 万元 is 1,000,000 fen), and the scans by id', () => {
    // 8.2 * 1_000_000 is 8199999.999999999 in floating point.
    const model = withSchedule(
      instalment('12.34', '2026-02-01'),
      instalment('8.2', '2026-03-01', '  验收后支付 '),
      instalment('99.96', '2026-04-01'),
    );
    model.attachments = [scan];
    expect(ContractInputSchema.parse(contractInputOf(model))).toMatchObject({
      payments: [
        { dueDate: '2026-02-01', amountFen: 12_340_000, note: '' },
        { dueDate: '2026-03-01', amountFen: 8_200_000, note: '验收后支付' },
        { dueDate: '2026-04-01', amountFen: 99_960_000, note: '' },
      ],
      attachmentIds: [scan.id],
    });
  });

  it('shows a saved draft with its schedule in 万元 and its scans, and saves it back unchanged', () => {
    const input = ContractInputSchema.parse(
      contractInputOf(
        withSchedule(instalment('0.000001', '2026-02-01'), instalment('120.499999', '2026-03-01', '尾款')),
      ),
    );
    const model = formFromContract(savedContract(input, [scan]));
    expect(model.payments).toEqual([
      { amount: '0.000001', dueDate: '2026-02-01', note: '' },
      { amount: '120.499999', dueDate: '2026-03-01', note: '尾款' },
    ]);
    expect(model.attachments).toEqual([scan]);
    expect(ContractInputSchema.parse(contractInputOf(model))).toEqual({ ...input, attachmentIds: [scan.id] });
  });

  it('adds up the instalments as they are typed, against the contract amount', () => {
    expect(formPaymentsBalance(withSchedule(instalment('60.25'), instalment('')))).toEqual({
      totalFen: 60_250_000,
      differenceFen: -60_250_000,
    });
    expect(formPaymentsBalance(withSchedule(instalment('60.25'), instalment('60.25')))).toEqual({
      totalFen: 120_500_000,
      differenceFen: 0,
    });
    expect(
      formPaymentsBalance({ ...withSchedule(instalment('1')), contractAmount: '' }).differenceFen,
    ).toBeNull();
    const saved = savedContract(
      ContractInputSchema.parse(contractInputOf(withSchedule(instalment('120.5')))),
      [],
    );
    expect(contractPaymentsBalance(saved)).toEqual({ totalFen: 120_500_000, differenceFen: 0 });
  });

  it('puts each problem of the schedule on its own row and field, and its sum on the schedule', async () => {
    const form = useZodForm(
      ContractInputSchema,
      withSchedule(instalment('60'), instalment('60')),
      contractInputOf,
      (m) => amountIssues(m, '请输入金额'),
    );
    expect(await form.submit(() => Promise.resolve(true))).toBeNull();
    expect(form.errorOf.value('payments')).toBe('各期付款之和需等于合同成交额');

    form.model.payments = [instalment('60', null), instalment('60.5'), emptyPayment()];
    await nextTick();
    expect(form.errorOf.value('payments.0.dueDate')).toBeDefined();
    expect(form.errorOf.value('payments.2.amountFen')).toBe('请输入金额');
    expect(form.errorOf.value('payments.1.amountFen')).toBeUndefined();

    form.model.payments = [instalment('60'), instalment('60.5')];
    await nextTick();
    expect(form.errorOf.value('payments')).toBeUndefined();
    expect(await form.submit(() => Promise.resolve(true))).toBe(true);
  });
});

describe('dashboard progress', () => {
  it('is the share reached in tenths of a percent, never above 100', () => {
    expect(progressPercent(0, 2_000_000_000_00)).toBe(0);
    expect(progressPercent(123_456_789_00, 2_000_000_000_00)).toBe(6.1);
    expect(progressPercent(3_000_000_000_00, 2_000_000_000_00)).toBe(100);
  });
});
