import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../test/clients.js';
import { buildContractInput, registrationOn, THIS_YEAR } from '../../test/contract-factories.js';
import { agreedInquiry, publishListing } from '../../test/listings.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let researcher: TestAccount;
let firm: TestAccount;
let staff: TestAccount;

beforeAll(async () => {
  [researcher, firm, staff] = await Promise.all([
    createAccount(stack.app, stack.services, { role: 'researcher' }),
    createAccount(stack.app, stack.services, { role: 'firm' }),
    createAccount(stack.app, stack.services, { role: 'staff' }),
  ]);
});

describe('a contract from an agreed inquiry', () => {
  it('starts from the inquiry’s parties, field and links, and registers as an inquiry deal', async () => {
    const achievementId = await publishListing(researcher.client, staff.client, 'achievements');
    const inquiryId = await agreedInquiry(firm.client, researcher.client, achievementId);

    const prefill = await staff.client.get(`/api/contracts/prefill?inquiry=${inquiryId}`);
    expect(prefill.status, JSON.stringify(prefill.body)).toBe(200);
    expect(prefill.body).toMatchObject({
      origin: 'inquiry',
      seller: { organisationId: researcher.organisationId },
      buyer: { organisationId: firm.organisationId },
      links: { inquiryId, achievementId, needId: null },
    });

    const { seller, buyer, ...known } = prefill.body;
    const input = buildContractInput({
      ...known,
      type: '技术转让',
      subtype: '专利权转让',
      seller: { ...seller, province: seller.province ?? '广西壮族自治区' },
      buyer: { ...buyer, province: buyer.province ?? '广西壮族自治区' },
    });
    const created = await staff.client.post('/api/contracts', input);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const registered = await staff.client.post(
      `/api/contracts/${created.body.id}/register`,
      registrationOn(),
    );
    expect(registered.body).toMatchObject({ status: 'registered', origin: 'inquiry', links: { inquiryId } });

    const stats = await staff.client.get(`/api/statistics?from=${THIS_YEAR}-01-01&to=${THIS_YEAR}-12-31`);
    expect(stats.body.convertedResults).toBe(1);
    const funnel = await staff.client.get(
      `/api/statistics/funnel?from=${THIS_YEAR}-01-01&to=${THIS_YEAR}-12-31&by=field`,
    );
    const inquiries = funnel.body.stages.find((s: { stage: string }) => s.stage === 'inquiries');
    expect(inquiries.total).toBeGreaterThanOrEqual(1);
  });

  it('is offered only for an agreed inquiry, and only to its parties and staff', async () => {
    const achievementId = await publishListing(researcher.client, staff.client, 'achievements');
    const opened = await firm.client.post('/api/inquiries', {
      listingType: 'achievement',
      listingId: achievementId,
      message: '想了解一下',
    });
    const early = await staff.client.get(`/api/contracts/prefill?inquiry=${opened.body.id}`);
    expect([early.status, early.body.error.code]).toEqual([409, 'INVALID_STATE']);
    const outsider = await createAccount(stack.app, stack.services, { role: 'firm' });
    const peek = await outsider.client.get(`/api/contracts/prefill?inquiry=${opened.body.id}`);
    expect(peek.status).toBe(404);

    const linked = await staff.client.post(
      '/api/contracts',
      buildContractInput({
        origin: 'inquiry',
        links: { ...buildContractInput().links, inquiryId: opened.body.id },
      }),
    );
    expect(linked.status).toBe(400);
    expect(linked.body.error.details.issues[0].path).toBe('body.links.inquiryId');
  });
});
