import { beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createAccount, signIn } from '../../test/clients.js';
import { buildRegistration, joining, validCreditCode } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
beforeEach(() => stack.reset());

async function registerFirm() {
  const registration = buildRegistration();
  const client = anonymous(stack.app);
  const res = await client.post('/api/auth/register', registration);
  const signedIn = await signIn(stack.app, registration.email, registration.password);
  return { registration, organisationId: res.body.organisation.id as string, client: signedIn };
}

describe('organisation verification', () => {
  it('lets staff verify a pending organisation, and its member then sees it verified', async () => {
    const firm = await registerFirm();
    const staff = await createAccount(stack.app, stack.services, { role: 'staff' });

    const queue = await staff.client.get('/api/organisations?status=pending');
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(firm.organisationId);

    const res = await staff.client.post(`/api/organisations/${firm.organisationId}/verification`, {
      decision: 'verified',
    });
    expect(res.status).toBe(200);
    expect(res.body.verification).toMatchObject({ status: 'verified', reviewedBy: staff.userId });

    const session = await firm.client.get('/api/auth/session');
    expect(session.body.organisation.verification.status).toBe('verified');
  });

  it('requires a reason to reject, and records it', async () => {
    const firm = await registerFirm();
    const staff = await createAccount(stack.app, stack.services, { role: 'staff' });
    const noReason = await staff.client.post(`/api/organisations/${firm.organisationId}/verification`, {
      decision: 'rejected',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues[0].path).toBe('body.reason');
    const res = await staff.client.post(`/api/organisations/${firm.organisationId}/verification`, {
      decision: 'rejected',
      reason: '信用代码与营业执照不符',
    });
    expect(res.body.verification).toMatchObject({ status: 'rejected', reason: '信用代码与营业执照不符' });
  });

  it('sends a verified organisation back to review when its name changes, but not for a new phone number', async () => {
    const firm = await registerFirm();
    const staff = await createAccount(stack.app, stack.services, { role: 'staff' });
    await staff.client.post(`/api/organisations/${firm.organisationId}/verification`, {
      decision: 'verified',
    });

    const phone = await firm.client.patch(`/api/organisations/${firm.organisationId}`, {
      contactPhone: '13900001111',
    });
    expect(phone.body.verification.status).toBe('verified');
    const renamed = await firm.client.patch(`/api/organisations/${firm.organisationId}`, {
      name: '另一家公司',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.verification.status).toBe('pending');
  });

  it('refuses taking another organisation’s credit code with 409', async () => {
    const first = await registerFirm();
    const second = await registerFirm();
    const res = await second.client.patch(`/api/organisations/${second.organisationId}`, {
      creditCode: first.registration.organisation.creditCode,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
  });
});

describe('organisation pages', () => {
  it('shows the public profile to anyone without contact details', async () => {
    const firm = await registerFirm();
    const res = await anonymous(stack.app).get(`/api/organisations/${firm.organisationId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: firm.registration.organisation.name, verified: false });
    expect(res.body).not.toHaveProperty('contactPhone');
    expect(res.body).not.toHaveProperty('creditCode');
  });

  it('finds an organisation by credit code for registrants, and nothing for an unknown code', async () => {
    const firm = await registerFirm();
    const found = await anonymous(stack.app).get(
      `/api/organisations/lookup?creditCode=${firm.registration.organisation.creditCode}`,
    );
    expect(found.body.organisation.id).toBe(firm.organisationId);
    const unknown = await anonymous(stack.app).get(
      `/api/organisations/lookup?creditCode=${validCreditCode(424242)}`,
    );
    expect(unknown.body.organisation).toBeNull();
  });

  it('answers 404 for an unknown organisation and 400 for a malformed id', async () => {
    expect((await anonymous(stack.app).get('/api/organisations/64b7f9a0c2a1e3d4f5a6b7c8')).status).toBe(404);
    expect((await anonymous(stack.app).get('/api/organisations/not-an-id')).status).toBe(400);
  });
});

describe('membership approval', () => {
  it('lets an active member approve a colleague who joined, who can then act for the organisation', async () => {
    const firm = await registerFirm();
    const colleagueRegistration = joining(firm.registration.organisation.creditCode);
    const joined = await anonymous(stack.app).post('/api/auth/register', colleagueRegistration);
    expect(joined.body.user.membership).toBe('pending');
    const colleague = await signIn(stack.app, colleagueRegistration.email, colleagueRegistration.password);

    const blocked = await colleague.patch(`/api/organisations/${firm.organisationId}`, {
      description: '新简介',
    });
    expect(blocked.status).toBe(403);

    const members = await firm.client.get(`/api/organisations/${firm.organisationId}/members`);
    expect(members.body.map((m: { membership: string }) => m.membership).sort()).toEqual([
      'active',
      'pending',
    ]);

    const decision = await firm.client.post(
      `/api/organisations/${firm.organisationId}/members/${joined.body.user.id}/decision`,
      { decision: 'active' },
    );
    expect(decision.status).toBe(200);
    const allowed = await colleague.patch(`/api/organisations/${firm.organisationId}`, {
      description: '新简介',
    });
    expect(allowed.status).toBe(200);
  });
});
