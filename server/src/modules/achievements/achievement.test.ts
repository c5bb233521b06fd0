import { beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createAccount, type TestAccount } from '../../test/clients.js';
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

async function publish(input = buildAchievementInput(), owner = researcher): Promise<string> {
  const created = await owner.client.post('/api/achievements', input);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  expect((await owner.client.post(`/api/achievements/${id}/submit`)).status).toBe(200);
  expect((await staff.client.post(`/api/achievements/${id}/review`, { decision: 'published' })).status).toBe(
    200,
  );
  await stack.synced();
  return id;
}

describe('achievement lifecycle', () => {
  it('goes draft → pending review → published, and only then can visitors read and find it', async () => {
    const created = await researcher.client.post('/api/achievements', buildAchievementInput());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', contactPhone: '13907760001' });
    const id = created.body.id as string;
    expect((await anonymous(stack.app).get(`/api/achievements/${id}`)).status).toBe(404);

    const submitted = await researcher.client.post(`/api/achievements/${id}/submit`);
    expect(submitted.body.status).toBe('pending_review');
    const queue = await staff.client.get('/api/achievements/review-queue');
    expect(queue.body.items.map((a: { id: string }) => a.id)).toEqual([id]);

    const reviewed = await staff.client.post(`/api/achievements/${id}/review`, { decision: 'published' });
    expect(reviewed.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    await stack.synced();

    const publicView = await anonymous(stack.app).get(`/api/achievements/${id}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body).not.toHaveProperty('contactPhone');
    const found = await anonymous(stack.app).get('/api/achievements/search?q=赤泥');
    expect(found.body.hits.map((h: { id: string }) => h.id)).toEqual([id]);
  });

  it('returns a rejected listing to its owner with the reason, and records both decisions in the audit log', async () => {
    const { body } = await researcher.client.post('/api/achievements', buildAchievementInput());
    await researcher.client.post(`/api/achievements/${body.id}/submit`);
    const noReason = await staff.client.post(`/api/achievements/${body.id}/review`, { decision: 'rejected' });
    expect(noReason.status).toBe(400);
    const rejected = await staff.client.post(`/api/achievements/${body.id}/review`, {
      decision: 'rejected',
      reason: '成果摘要缺少关键技术指标',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: '成果摘要缺少关键技术指标' });
    const mine = await researcher.client.get('/api/achievements/mine');
    expect(mine.body.items[0]).toMatchObject({ status: 'rejected', reviewNote: '成果摘要缺少关键技术指标' });

    const audit = await staff.client.get(`/api/audit?targetType=achievement&targetId=${body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'achievement.rejected',
      'achievement.pending_review',
      'achievement.create',
    ]);
  });

  it('sends a published listing back to review when its content changes, but not when only the price does', async () => {
    const id = await publish();
    const priceOnly = await researcher.client.put(
      `/api/achievements/${id}`,
      buildAchievementInput({ askingPriceFen: null }),
    );
    expect(priceOnly.body.status).toBe('published');
    await stack.synced();
    const negotiable = await anonymous(stack.app).get('/api/achievements/search?q=赤泥&negotiable=only');
    expect(negotiable.body.total).toBe(1);

    const retitled = await researcher.client.put(
      `/api/achievements/${id}`,
      buildAchievementInput({ title: '赤泥脱碱及建材化成套技术（第二版）' }),
    );
    expect(retitled.body.status).toBe('pending_review');
    await stack.synced();
    expect((await anonymous(stack.app).get('/api/achievements/search?q=赤泥')).body.total).toBe(0);
  });

  it('refuses to submit for an organisation the bureau has not verified', async () => {
    const unverified = await createAccount(stack.app, stack.services, {
      role: 'researcher',
      organisation: 'pending',
    });
    const { body } = await unverified.client.post('/api/achievements', buildAchievementInput());
    expect(body.status).toBe('draft');
    const res = await unverified.client.post(`/api/achievements/${body.id}/submit`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ORGANISATION_NOT_VERIFIED');
  });

  it('refuses edits, submission and deletion by anyone outside the owning organisation', async () => {
    const { body } = await researcher.client.post('/api/achievements', buildAchievementInput());
    const intruder = await createAccount(stack.app, stack.services, { role: 'researcher' });
    for (const res of [
      await intruder.client.put(
        `/api/achievements/${body.id}`,
        buildAchievementInput({ title: '被篡改的标题' }),
      ),
      await intruder.client.post(`/api/achievements/${body.id}/submit`),
      await intruder.client.delete(`/api/achievements/${body.id}`),
    ]) {
      expect(res.status).toBe(403);
    }
    expect((await researcher.client.get(`/api/achievements/${body.id}`)).body.title).toBe(
      buildAchievementInput().title,
    );
  });

  it('lets firms post needs but not achievements, and staff review but not post', async () => {
    const firm = await createAccount(stack.app, stack.services, { role: 'firm' });
    expect((await firm.client.post('/api/achievements', buildAchievementInput())).status).toBe(403);
    expect((await staff.client.post('/api/achievements', buildAchievementInput())).status).toBe(403);
    const { body } = await researcher.client.post('/api/achievements', buildAchievementInput());
    await researcher.client.post(`/api/achievements/${body.id}/submit`);
    expect(
      (await researcher.client.post(`/api/achievements/${body.id}/review`, { decision: 'published' })).status,
    ).toBe(403);
  });

  it('deletes a draft after the owner asks, and not a published listing', async () => {
    const { body } = await researcher.client.post('/api/achievements', buildAchievementInput());
    expect((await researcher.client.delete(`/api/achievements/${body.id}`)).status).toBe(204);
    expect((await researcher.client.get(`/api/achievements/${body.id}`)).status).toBe(404);
    const id = await publish();
    const res = await researcher.client.delete(`/api/achievements/${id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
  });
});

describe('achievement input validation', () => {
  it('reports missing, too long, unknown and absurd values, field by field', async () => {
    const res = await researcher.client.post('/api/achievements', {
      ...buildAchievementInput(),
      title: '',
      summary: '太短',
      field: '区块链',
      maturity: '概念',
      transferModes: [],
      askingPriceFen: -100,
      patentNumbers: ['不是专利号'],
      keywords: ['关'.repeat(30)],
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.title',
        'body.summary',
        'body.field',
        'body.maturity',
        'body.transferModes',
        'body.askingPriceFen',
        'body.patentNumbers.0',
        'body.keywords.0',
      ]),
    );
    for (const absurd of [1.5, 10 ** 15]) {
      const priced = await researcher.client.post(
        '/api/achievements',
        buildAchievementInput({ askingPriceFen: absurd }),
      );
      expect(priced.status, String(absurd)).toBe(400);
    }
    expect(await stack.services.models.achievements.countDocuments()).toBe(0);
  });

  it('refuses fields it does not know (no mass assignment of status or owner)', async () => {
    const res = await researcher.client.post('/api/achievements', {
      ...buildAchievementInput(),
      status: 'published',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].code).toBe('unrecognized_keys');
  });

  it('stores HTML as plain text and highlights search matches without letting it through', async () => {
    const id = await publish(
      buildAchievementInput({
        title: '赤泥<script>alert(1)</script>脱碱技术',
        summary: buildAchievementInput().summary + '<img src=x onerror=alert(1)>',
      }),
    );
    const detail = await anonymous(stack.app).get(`/api/achievements/${id}`);
    expect(detail.body.title).toBe('赤泥<script>alert(1)</script>脱碱技术');
    const found = await anonymous(stack.app).get('/api/achievements/search?q=赤泥');
    const { title, summary } = found.body.hits[0].highlight as { title: string; summary: string };
    expect(title).toContain('&lt;script&gt;');
    expect(title).not.toContain('<script>');
    expect(summary).not.toMatch(/<img/);
    expect(title.replace(/<\/?mark>/g, '')).not.toMatch(/</);
    expect(title).toContain('<mark>赤泥</mark>');
  });
});

describe('GET /api/achievements/search', () => {
  beforeEach(async () => {
    await publish(buildAchievementInput());
    await publish(
      buildAchievementInput({
        title: '铝合金型材搅拌摩擦焊接工艺',
        summary:
          '面向新能源汽车电池托盘的铝合金型材搅拌摩擦焊接，焊缝强度系数达到0.8以上，已在产线应用，可提供工艺包与技术服务。',
        keywords: ['搅拌摩擦焊', '铝合金'],
        maturity: '产业化',
        transferModes: ['技术服务'],
        askingPriceFen: 300_000_00,
      }),
    );
    await publish(
      buildAchievementInput({
        title: '芒果采后保鲜与冷链物流技术',
        summary:
          '针对百色芒果采后易腐烂的问题，研发了复合涂膜保鲜与预冷分级技术，货架期延长7天以上，适合合作社和企业推广应用。',
        field: '现代特色农林',
        keywords: ['芒果', '保鲜'],
        maturity: '产业化',
        askingPriceFen: null,
      }),
    );
  });

  it('finds by a 2-character Chinese word with a field filter, highlighting the match', async () => {
    const res = await anonymous(stack.app).get(
      `/api/achievements/search?q=${encodeURIComponent('芒果')}&field=${encodeURIComponent('现代特色农林')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.hits[0].highlight.title).toContain('<mark>芒果</mark>');
    const wrongField = await anonymous(stack.app).get(
      `/api/achievements/search?q=${encodeURIComponent('芒果')}&field=${encodeURIComponent('生态铝')}`,
    );
    expect(wrongField.body.total).toBe(0);
  });

  it('counts facets disjunctively: a chosen field still shows the counts of the others', async () => {
    const res = await anonymous(stack.app).get(
      `/api/achievements/search?field=${encodeURIComponent('生态铝')}`,
    );
    expect(res.body.total).toBe(2);
    expect(res.body.facets.field).toEqual({ 生态铝: 2, 现代特色农林: 1 });
    expect(res.body.facets.maturity).toEqual({ 中试: 1, 产业化: 1 });
  });

  it('sorts by price with 面议 listings last, and paginates with totals', async () => {
    const res = await anonymous(stack.app).get('/api/achievements/search?sort=price_asc&pageSize=2');
    expect(res.body.hits.map((h: { askingPriceFen: number | null }) => h.askingPriceFen)).toEqual([
      300_000_00, 800_000_00,
    ]);
    expect(res.body).toMatchObject({ total: 3, totalPages: 2, page: 1 });
    const second = await anonymous(stack.app).get(
      '/api/achievements/search?sort=price_asc&pageSize=2&page=2',
    );
    expect(second.body.hits.map((h: { askingPriceFen: number | null }) => h.askingPriceFen)).toEqual([null]);
  });

  it('never lets a filter value become filter syntax', async () => {
    const injected = await anonymous(stack.app).get(
      `/api/achievements/search?field=${encodeURIComponent('生态铝" OR field = "现代特色农林')}`,
    );
    expect(injected.status).toBe(400);
    const price = await anonymous(stack.app).get('/api/achievements/search?priceMinFen=0%20OR%201%3D1');
    expect(price.status).toBe(400);
    const q = await anonymous(stack.app).get(
      `/api/achievements/search?q=${encodeURIComponent('field = 生态铝 OR')}`,
    );
    expect(q.status).toBe(200);
  });
});
