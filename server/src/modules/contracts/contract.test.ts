import { MAX_AMOUNT_FEN, type Contract, type DashboardSnapshot } from '@techmatch/shared';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createAccount, type TestAccount } from '../../test/clients.js';
import {
  buildContractInput,
  JAN_1,
  registrationNumber,
  registrationOn,
  THIS_YEAR,
} from '../../test/contract-factories.js';
import { clearContracts } from '../../test/contract-factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let staff: TestAccount;
let firm: TestAccount;

beforeAll(async () => {
  staff = await createAccount(stack.app, stack.services, { role: 'staff' });
  firm = await createAccount(stack.app, stack.services, { role: 'firm' });
});
beforeEach(() => clearContracts(stack));

async function registered(overrides = {}, number = registrationNumber()): Promise<Contract> {
  const created = await staff.client.post('/api/contracts', buildContractInput(overrides));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const res = await staff.client.post(`/api/contracts/${created.body.id}/register`, registrationOn(number));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Contract;
}

const dashboard = async (): Promise<DashboardSnapshot> =>
  (await anonymous(stack.app).get(`/api/dashboard?year=${THIS_YEAR}`)).body as DashboardSnapshot;

const issuePaths = (res: { body: { error: { details?: { issues?: { path: string }[] } } } }) =>
  res.body.error.details?.issues?.map((i) => i.path) ?? [];

describe('registration workflow', () => {
  it('the seller side drafts and submits, staff registers, and the counter and audit log follow', async () => {
    const draft = await firm.client.post(
      '/api/contracts',
      buildContractInput({ seller: { ...buildContractInput().seller, name: '冒名单位' } }),
    );
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    expect(draft.body.seller.organisationId).toBe(firm.organisationId);
    expect(draft.body.seller.name).not.toBe('冒名单位'); // the seller is the member's own organisation

    expect((await firm.client.post(`/api/contracts/${draft.body.id}/submit`)).body.status).toBe('submitted');
    const refused = await firm.client.post(`/api/contracts/${draft.body.id}/register`, registrationOn());
    expect(refused.status).toBe(403);

    const number = registrationNumber();
    const res = await staff.client.post(`/api/contracts/${draft.body.id}/register`, registrationOn(number));
    expect(res.status).toBe(200);
    expect(res.body.registration).toMatchObject({ number, date: JAN_1 });

    const snapshot = await dashboard();
    expect(snapshot.statistics.amountFen).toBe(1_200_000_00);
    expect(snapshot.statistics.contractCount).toBe(1);
    expect(snapshot.target.contractAmountFen).toBe(2_000_000_000_00);
    expect(snapshot.remainingFen).toBe(2_000_000_000_00 - 1_200_000_00);

    const audit = await staff.client.get(`/api/audit?targetType=contract&targetId=${draft.body.id}`);
    const registration = audit.body.items.find((e: { action: string }) => e.action === 'contract.register');
    expect(registration.before).toMatchObject({ status: 'submitted', registrationNumber: null });
    expect(registration.after).toMatchObject({
      status: 'registered',
      contractAmountFen: 1_200_000_00,
      registrationNumber: number,
    });
  });

  it('returns a submitted contract with coded reasons, and the author resubmits it', async () => {
    const draft = await firm.client.post('/api/contracts', buildContractInput());
    await firm.client.post(`/api/contracts/${draft.body.id}/submit`);
    const returned = await staff.client.post(`/api/contracts/${draft.body.id}/return`, {
      reasons: ['missing_written_text', 'amounts_inconsistent'],
      note: '请上传盖章合同扫描件',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReasons: ['missing_written_text', 'amounts_inconsistent'],
    });
    const inbox = await firm.client.get('/api/notifications');
    expect(inbox.body.items[0]).toMatchObject({ type: 'contract_status', params: { status: 'returned' } });
    expect((await staff.client.post(`/api/contracts/${draft.body.id}/return`, { reasons: [] })).status).toBe(
      400,
    );
    expect((await firm.client.post(`/api/contracts/${draft.body.id}/submit`)).body.status).toBe('submitted');
  });

  it('keeps other organisations and anonymous callers out', async () => {
    const draft = await firm.client.post('/api/contracts', buildContractInput());
    const other = await createAccount(stack.app, stack.services, { role: 'firm' });
    expect((await other.client.get(`/api/contracts/${draft.body.id}`)).status).toBe(404);
    expect((await other.client.put(`/api/contracts/${draft.body.id}`, buildContractInput())).status).toBe(
      403,
    );
    expect((await other.client.get('/api/contracts')).status).toBe(403);
    expect((await anonymous(stack.app).post('/api/contracts', buildContractInput())).status).toBe(401);
  });
});

describe('bad input', () => {
  it.each([
    [
      'tech amount above the contract amount',
      { techTransactionAmountFen: 1_200_000_01 },
      'body.techTransactionAmountFen',
    ],
    ['a negative amount', { contractAmountFen: -100 }, 'body.contractAmountFen'],
    ['a fraction of a fen', { contractAmountFen: 100.5 }, 'body.contractAmountFen'],
    ['an amount above the sane bound', { contractAmountFen: MAX_AMOUNT_FEN + 1 }, 'body.contractAmountFen'],
    ['a development contract without 委托/合作', { type: '技术开发' }, 'body.subtype'],
    ['a term that ends before it starts', { termEnd: `${THIS_YEAR - 1}-12-31` }, 'body.termEnd'],
    [
      'instalments that do not add up',
      { payments: [{ dueDate: JAN_1, amountFen: 100, note: '' }] },
      'body.payments',
    ],
    ['an inquiry origin without its inquiry', { origin: 'inquiry' }, 'body.links.inquiryId'],
  ] as const)('refuses %s', async (_name, overrides, path) => {
    const res = await staff.client.post('/api/contracts', { ...buildContractInput(), ...overrides });
    expect(res.status).toBe(400);
    expect(issuePaths(res)).toContain(path);
  });

  it.each([
    ['a 15-digit number', { number: `${THIS_YEAR}4510000000001`, date: JAN_1 }],
    ['a date outside the number’s year', { number: registrationNumber(THIS_YEAR - 1), date: JAN_1 }],
    ['a date in the future', { number: registrationNumber(THIS_YEAR + 1), date: `${THIS_YEAR + 1}-01-01` }],
  ])('refuses to register with %s', async (_name, registration) => {
    const draft = await staff.client.post('/api/contracts', buildContractInput());
    const res = await staff.client.post(`/api/contracts/${draft.body.id}/register`, registration);
    expect(res.status).toBe(400);
    expect((await stack.services.models.contracts.findById(draft.body.id).lean())?.status).toBe('draft');
  });

  it('refuses a registration dated before the signing', async () => {
    const draft = await staff.client.post(
      '/api/contracts',
      buildContractInput({ signedDate: `${THIS_YEAR}-01-01` }),
    );
    const res = await staff.client.post(`/api/contracts/${draft.body.id}/register`, {
      number: registrationNumber(THIS_YEAR - 1),
      date: `${THIS_YEAR - 1}-12-31`,
    });
    expect(issuePaths(res)).toEqual(['body.date']);
  });

  it('refuses a registration number another contract holds, even a voided one', async () => {
    const first = await registered();
    const number = first.registration?.number ?? '';
    const draft = await staff.client.post('/api/contracts', buildContractInput());
    const dup = await staff.client.post(`/api/contracts/${draft.body.id}/register`, registrationOn(number));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('REGISTRATION_NUMBER_TAKEN');
    await staff.client.post(`/api/contracts/${first.id}/void`, { reason: '重复登记' });
    expect(
      (await staff.client.post(`/api/contracts/${draft.body.id}/register`, registrationOn(number))).status,
    ).toBe(409);
  });
});

describe('void and correction', () => {
  it('change the counter exactly and are audited with the amounts before and after', async () => {
    const a = await registered({ contractAmountFen: 300_000_00, techTransactionAmountFen: 300_000_00 });
    await registered({ contractAmountFen: 500_000_01, techTransactionAmountFen: 0 });
    expect((await dashboard()).statistics.amountFen).toBe(800_000_01);

    const corrected = await staff.client.post(`/api/contracts/${a.id}/correct`, {
      contract: {
        ...buildContractInput(),
        contractAmountFen: 250_000_00,
        techTransactionAmountFen: 200_000_00,
        attachmentIds: undefined,
      },
      reason: '合同金额录入错误',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect((await dashboard()).statistics.amountFen).toBe(750_000_01);

    expect(
      (await staff.client.post(`/api/contracts/${a.id}/void`, { reason: '当事人申请注销' })).status,
    ).toBe(200);
    expect((await dashboard()).statistics.amountFen).toBe(500_000_01);
    expect((await staff.client.post(`/api/contracts/${a.id}/void`, { reason: '再次注销' })).status).toBe(409);

    const audit = await staff.client.get(`/api/audit?targetType=contract&targetId=${a.id}`);
    const byAction = Object.fromEntries(audit.body.items.map((e: { action: string }) => [e.action, e]));
    expect(byAction['contract.correct']).toMatchObject({
      before: { contractAmountFen: 300_000_00, fields: ['contractAmountFen', 'techTransactionAmountFen'] },
      after: { contractAmountFen: 250_000_00 },
      reason: '合同金额录入错误',
    });
    expect(byAction['contract.void']).toMatchObject({
      before: { status: 'registered', contractAmountFen: 250_000_00 },
      after: { status: 'voided' },
      reason: '当事人申请注销',
    });
  });

  it('refuses a correction without a reason or moving the date out of the number’s year', async () => {
    const a = await registered();
    const contract = { ...buildContractInput(), attachmentIds: undefined };
    expect((await staff.client.post(`/api/contracts/${a.id}/correct`, { contract })).status).toBe(400);
    const moved = await staff.client.post(`/api/contracts/${a.id}/correct`, {
      contract,
      registrationDate: `${THIS_YEAR - 1}-12-31`,
      reason: '改期',
    });
    expect(issuePaths(moved)).toEqual(['body.registrationDate']);
    expect(
      (await firm.client.post(`/api/contracts/${a.id}/correct`, { contract, reason: '改金额' })).status,
    ).toBe(403);
  });
});

describe('what counts', () => {
  it('follows the year’s basis and scope, and the drill-down list holds exactly the contracts behind a total', async () => {
    await registered({ contractAmountFen: 100_00, techTransactionAmountFen: 60_00 });
    const absorbed = {
      seller: { ...buildContractInput().buyer, province: '广东省' as const },
      buyer: { ...buildContractInput().seller, county: '平果市' as const },
      contractAmountFen: 1_000_00,
      techTransactionAmountFen: 900_00,
    };
    await registered(absorbed);
    expect((await dashboard()).statistics.amountFen).toBe(100_00);

    const admin = await createAccount(stack.app, stack.services, { role: 'admin' });
    const settings = {
      contractAmountFen: 500_00,
      convertedResults: 3,
      contractCount: 10,
      basis: 'tech',
      scope: 'output_and_absorbed',
    };
    expect((await staff.client.put(`/api/targets/${THIS_YEAR}`, settings)).status).toBe(403);
    expect((await admin.client.put(`/api/targets/${THIS_YEAR}`, settings)).status).toBe(200);
    const snapshot = await dashboard();
    expect(snapshot.statistics.amountFen).toBe(960_00);
    expect(snapshot.statistics.byCounty.find((c) => c.key === '平果市')).toMatchObject({
      amountFen: 900_00,
      count: 1,
    });

    const list = await staff.client.get(`/api/contracts?counted=true&year=${THIS_YEAR}&county=平果市`);
    expect(list.body.total).toBe(1);
    expect(list.body.totals).toMatchObject({ count: 1, techTransactionAmountFen: 900_00 });
  });

  it('publishes only what staff made public in the feed', async () => {
    const a = await registered({ title: '保密项目' });
    let [entry] = (await dashboard()).feed;
    expect(entry).toMatchObject({
      id: a.id,
      title: null,
      sellerName: null,
      amountFen: 1_200_000_00,
      county: '右江区',
    });
    await staff.client.put(`/api/contracts/${a.id}/publicity`, { title: true, amount: false, parties: true });
    [entry] = (await dashboard()).feed;
    expect(entry).toMatchObject({ title: '保密项目', amountFen: null, sellerName: '百色学院' });
  });

  it('shows the funnel from listings through matches and inquiries to contracts', async () => {
    await registered();
    const funnel = await staff.client.get(
      `/api/statistics/funnel?from=${THIS_YEAR}-01-01&to=${THIS_YEAR}-12-31&by=field`,
    );
    expect(funnel.status).toBe(200);
    const stages = Object.fromEntries(funnel.body.stages.map((s: { stage: string }) => [s.stage, s]));
    expect(stages.contracts).toMatchObject({ available: true, total: 1, counts: { 生态铝: 1 } });
    expect(stages.matches).toMatchObject({ available: true, total: 0 });
    expect(stages.inquiries).toMatchObject({ available: true, total: 0 });
    expect(stages.listings.available).toBe(true);
  });
});
