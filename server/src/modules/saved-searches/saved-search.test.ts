import { describe, expect, it } from 'vitest';
import { createAccount } from '../../test/clients.js';
import { buildAchievementInput } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();

describe('saved searches', () => {
  it('alerts the user when a newly published listing matches a saved search, and not for others', async () => {
    const firm = await createAccount(stack.app, stack.services, { role: 'firm' });
    const researcher = await createAccount(stack.app, stack.services, { role: 'researcher' });
    const staff = await createAccount(stack.app, stack.services, { role: 'staff' });
    const saved = await firm.client.post('/api/saved-searches', {
      type: 'achievement',
      name: '赤泥技术',
      query: { q: '赤泥', field: '生态铝' },
    });
    expect(saved.status).toBe(201);
    await firm.client.post('/api/saved-searches', {
      type: 'achievement',
      name: '芒果',
      query: { q: '芒果' },
    });

    const created = await researcher.client.post('/api/achievements', buildAchievementInput());
    await researcher.client.post(`/api/achievements/${created.body.id}/submit`);
    await staff.client.post(`/api/achievements/${created.body.id}/review`, { decision: 'published' });
    await stack.synced();

    const inbox = await firm.client.get('/api/notifications');
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        type: 'saved_search_hit',
        params: expect.objectContaining({ name: '赤泥技术' }),
      }),
    ]);
  });

  it('lists, deletes (own only) and caps saved searches, and refuses filters the search does not know', async () => {
    const user = await createAccount(stack.app, stack.services, { role: 'firm' });
    const other = await createAccount(stack.app, stack.services, { role: 'firm' });
    const { body } = await user.client.post('/api/saved-searches', {
      type: 'need',
      name: '光伏',
      query: { q: '光伏' },
    });
    expect((await user.client.get('/api/saved-searches')).body).toHaveLength(1);
    expect((await other.client.delete(`/api/saved-searches/${body.id}`)).status).toBe(404);
    expect((await user.client.delete(`/api/saved-searches/${body.id}`)).status).toBe(204);
    const bad = await user.client.post('/api/saved-searches', {
      type: 'need',
      name: 'x',
      query: { county: '南宁市' },
    });
    expect(bad.status).toBe(400);
    for (let i = 0; i < 20; i += 1) {
      await user.client.post('/api/saved-searches', { type: 'need', name: `s${i}`, query: { q: `词${i}` } });
    }
    const over = await user.client.post('/api/saved-searches', { type: 'need', name: 'one more', query: {} });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('TOO_MANY_SAVED_SEARCHES');
  });
});
