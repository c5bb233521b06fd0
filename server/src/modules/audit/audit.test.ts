import { describe, expect, it } from 'vitest';
import { anonymous, createAccount } from '../../test/clients.js';
import { buildRegistration } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();

describe('audit log', () => {
  it('records who verified which organisation, with the status before and after', async () => {
    const registration = buildRegistration();
    const registered = await anonymous(stack.app).post('/api/auth/register', registration);
    const organisationId = registered.body.organisation.id as string;
    const staff = await createAccount(stack.app, stack.services, { role: 'staff' });
    await staff.client.post(`/api/organisations/${organisationId}/verification`, { decision: 'verified' });

    const res = await staff.client.get(`/api/audit?targetType=organisation&targetId=${organisationId}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'organisation.verify',
      'organisation.register',
    ]);
    expect(res.body.items[0]).toMatchObject({
      actorId: staff.userId,
      actorRole: 'staff',
      before: { status: 'pending' },
      after: { status: 'verified' },
    });
  });

  it('filters by actor and paginates', async () => {
    const admin = await createAccount(stack.app, stack.services, { role: 'admin' });
    const firm = await createAccount(stack.app, stack.services, { role: 'firm' });
    for (const status of ['disabled', 'active', 'disabled'] as const) {
      await admin.client.patch(`/api/users/${firm.userId}`, { status });
    }
    const page = await admin.client.get(`/api/audit?actorId=${admin.userId}&pageSize=2`);
    expect(page.body).toMatchObject({ total: 3, totalPages: 2, pageSize: 2 });
    expect(page.body.items[0]).toMatchObject({ action: 'user.update', after: { status: 'disabled' } });
  });

  it('has no API to change or delete entries, and the model refuses to', async () => {
    const admin = await createAccount(stack.app, stack.services, { role: 'admin' });
    const [entry] = (await admin.client.get('/api/audit')).body.items as { id: string }[];
    for (const method of ['put', 'patch', 'delete'] as const) {
      const res = await admin.client[method](`/api/audit/${entry?.id ?? 'x'}`);
      expect(res.status).toBe(404);
    }
    await expect(stack.services.models.audit.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(stack.services.models.audit.updateOne({}, { $set: { action: 'x' } })).rejects.toThrow(
      /append-only/,
    );
  });
});
