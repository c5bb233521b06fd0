import { describe, expect, it } from 'vitest';
import { anonymous, createAccount } from '../../test/clients.js';
import { buildAchievementInput } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();

describe('thesaurus', () => {
  it('starts with the bureau’s seed, and a new synonym group makes search find the other words at once', async () => {
    const staff = await createAccount(stack.app, stack.services, { role: 'staff' });
    const researcher = await createAccount(stack.app, stack.services, { role: 'researcher' });
    const seeded = await staff.client.get('/api/thesaurus?q=赤泥');
    expect(seeded.body.map((e: { words: string[] }) => e.words).flat()).toContain('拜耳法赤泥');

    const created = await researcher.client.post(
      '/api/achievements',
      buildAchievementInput({
        title: '钛白废酸浓缩回用技术',
        summary: '钛白粉生产产生的废硫酸经浓缩除杂后回用于酸解工序，减少中和渣。',
        keywords: ['废酸'],
      }),
    );
    await researcher.client.post(`/api/achievements/${created.body.id}/submit`);
    await staff.client.post(`/api/achievements/${created.body.id}/review`, { decision: 'published' });
    await stack.synced();
    expect((await anonymous(stack.app).get('/api/achievements/search?q=钛白粉废硫酸')).body.total).toBe(1);
    expect(
      (await anonymous(stack.app).get(`/api/achievements/search?q=${encodeURIComponent('偏钛酸母液')}`)).body
        .total,
    ).toBe(0);

    const group = await staff.client.post('/api/thesaurus', {
      kind: 'synonyms',
      words: ['废酸', '偏钛酸母液'],
    });
    expect(group.status).toBe(201);
    await stack.services.searchSync.applySettings();
    expect(
      (await anonymous(stack.app).get(`/api/achievements/search?q=${encodeURIComponent('偏钛酸母液')}`)).body
        .total,
    ).toBe(1);

    const audit = await staff.client.get(`/api/audit?targetType=thesaurus&targetId=${group.body.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'thesaurus.create', actorId: staff.userId });
  });

  it('refuses empty or one-word groups, words already in another group, and expansions that loop', async () => {
    const staff = await createAccount(stack.app, stack.services, { role: 'staff' });
    expect((await staff.client.post('/api/thesaurus', { kind: 'synonyms', words: [] })).status).toBe(400);
    expect(
      (await staff.client.post('/api/thesaurus', { kind: 'synonyms', words: ['铝灰', '铝灰'] })).status,
    ).toBe(400);
    const taken = await staff.client.post('/api/thesaurus', { kind: 'synonyms', words: ['赤泥', '红泥'] });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'THESAURUS_CONFLICT', details: { word: '赤泥' } });
    const selfLoop = await staff.client.post('/api/thesaurus', {
      kind: 'expansion',
      from: ['漏'],
      to: ['漏', '防水'],
    });
    expect(selfLoop.status).toBe(400);
    await staff.client.post('/api/thesaurus', { kind: 'expansion', from: ['滴水'], to: ['冷凝'] });
    const loop = await staff.client.post('/api/thesaurus', {
      kind: 'expansion',
      from: ['冷凝'],
      to: ['滴水'],
    });
    expect(loop.status).toBe(409);
    expect(loop.body.error.details).toEqual({ loop: true });
  });

  it('is edited by staff only', async () => {
    const firm = await createAccount(stack.app, stack.services, { role: 'firm' });
    expect((await firm.client.get('/api/thesaurus')).status).toBe(403);
    expect((await firm.client.post('/api/thesaurus', { kind: 'term', words: ['氧化铝'] })).status).toBe(403);
  });
});
