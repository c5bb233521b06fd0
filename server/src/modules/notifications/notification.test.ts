import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../test/clients.js';
import { buildAchievementInput } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let researcher: TestAccount;
let staff: TestAccount;

beforeEach(async () => {
  await stack.reset();
  researcher = await createAccount(stack.app, stack.services, { role: 'researcher' });
  staff = await createAccount(stack.app, stack.services, { role: 'staff' });
});

async function reviewedListing(decision: 'published' | 'rejected'): Promise<string> {
  const { body } = await researcher.client.post('/api/achievements', buildAchievementInput());
  await researcher.client.post(`/api/achievements/${body.id}/submit`);
  await staff.client.post(`/api/achievements/${body.id}/review`, { decision, reason: '材料不全' });
  return body.id as string;
}

describe('notification inbox', () => {
  it('tells the owner the outcome of a review, with a link to the listing, once', async () => {
    const id = await reviewedListing('rejected');
    const inbox = await researcher.client.get('/api/notifications');
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        type: 'listing_reviewed',
        params: expect.objectContaining({ status: 'rejected', reason: '材料不全' }),
        link: `/achievements/${id}`,
        read: false,
      }),
    ]);
    expect((await researcher.client.get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });
    expect((await staff.client.get('/api/notifications')).body.total).toBe(0);
  });

  it('delivers an event that is redelivered (outbox retry) only once', async () => {
    const input = { type: 'match_found' as const, params: { title: '赤泥' }, link: null, key: 'event-42' };
    await stack.services.notifications.notify([researcher.userId, researcher.userId], input);
    await stack.services.notifications.notify([researcher.userId], input);
    expect((await researcher.client.get('/api/notifications')).body.total).toBe(1);
  });

  it('marks one or all as read and keeps the count right', async () => {
    await reviewedListing('rejected');
    await reviewedListing('published');
    const { body } = await researcher.client.get('/api/notifications?unread=true');
    expect(body.total).toBe(2);
    await researcher.client.post(`/api/notifications/${body.items[0].id}/read`);
    expect((await researcher.client.get('/api/notifications/unread-count')).body.unread).toBe(1);
    await researcher.client.post('/api/notifications/read-all');
    expect((await researcher.client.get('/api/notifications/unread-count')).body.unread).toBe(0);
    expect((await researcher.client.get('/api/notifications')).body.total).toBe(2);
  });

  it('lets nobody read or mark someone else’s notifications', async () => {
    await reviewedListing('rejected');
    const [notification] = (await researcher.client.get('/api/notifications')).body.items as { id: string }[];
    const other = await createAccount(stack.app, stack.services, { role: 'researcher' });
    expect((await other.client.post(`/api/notifications/${notification?.id}/read`)).status).toBe(404);
    expect((await other.client.get('/api/notifications')).body.total).toBe(0);
  });

  it('stops delivering the types a user muted', async () => {
    const saved = await researcher.client.put('/api/notifications/preferences', {
      muted: ['listing_reviewed'],
    });
    expect(saved.body).toEqual({ muted: ['listing_reviewed'] });
    await reviewedListing('published');
    expect((await researcher.client.get('/api/notifications')).body.total).toBe(0);
    const invalid = await researcher.client.put('/api/notifications/preferences', { muted: ['spam'] });
    expect(invalid.status).toBe(400);
  });
});
