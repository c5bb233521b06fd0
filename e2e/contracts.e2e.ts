import { todayInChina, type Session } from '@techmatch/shared';
import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demoAccount,
  describeE2E,
  launchBrowser,
  registerVerifiedMember,
  signInThroughUi,
  staffApi,
  startApp,
  type RunningApp,
} from './harness.js';

const TODAY = todayInChina();

describeE2E('contracts journey', () => {
  let app: RunningApp;
  let browser: Browser;
  let staff: Page;
  let dashboard: Page;
  const pageErrors: string[] = [];
  const watched = (page: Page) => {
    page.on('console', (msg) => msg.type() === 'error' && pageErrors.push(`${page.url()}: ${msg.text()}`));
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };

  /** A signed-in API client of a new verified member, with its CSRF header. */
  async function member(role: 'researcher' | 'firm', n: number) {
    const api: APIRequestContext = await request.newContext({ baseURL: app.url });
    const session: Session = await registerVerifiedMember(app, api, role, n);
    const headers = { 'X-CSRF-Token': session.csrfToken ?? '' };
    const post = async (path: string, data?: object) => {
      const res = await api.post(path, { data, headers });
      expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
      return (await res.json()) as { id: string; status: string };
    };
    return { api, post };
  }

  /** A published achievement, an inquiry about it from a firm, accepted and agreed by both sides (API). */
  async function agreedInquiry(): Promise<string> {
    const [researcher, firm] = await Promise.all([member('researcher', 11), member('firm', 12)]);
    const achievement = await researcher.post('/api/achievements', {
      title: '赤泥低温脱碱与建材化利用技术',
      summary:
        '针对拜耳法赤泥碱含量高、堆存占地大的问题，采用钙化—碳化两段低温脱碱工艺，将赤泥中氧化钠含量降至1%以下，已完成中试验证。',
      field: '生态铝',
      keywords: ['赤泥', '脱碱'],
      team: '冶金工程研究团队',
      maturity: '中试',
      ipType: '发明专利',
      patentNumbers: [],
      transferModes: ['许可'],
      askingPriceFen: 800_000_00,
      contactName: '王教授',
      contactPhone: '13907760001',
      contactEmail: 'wang@university.example.cn',
      attachmentIds: [],
    });
    await researcher.post(`/api/achievements/${achievement.id}/submit`);
    const bureau = await staffApi(app);
    const reviewed = await bureau.api.post(`/api/achievements/${achievement.id}/review`, {
      data: { decision: 'published' },
      headers: bureau.headers,
    });
    expect(reviewed.status()).toBe(200);
    await bureau.api.dispose();
    const inquiry = await firm.post('/api/inquiries', {
      listingType: 'achievement',
      listingId: achievement.id,
      message: '我们希望签订技术许可合同。',
    });
    await researcher.post(`/api/inquiries/${inquiry.id}/decision`, { decision: 'accept' });
    await firm.post(`/api/inquiries/${inquiry.id}/agree`);
    expect((await researcher.post(`/api/inquiries/${inquiry.id}/agree`)).status).toBe('agreed');
    await Promise.all([researcher.api.dispose(), firm.api.dispose()]);
    return inquiry.id;
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const [staffContext, publicContext] = await Promise.all([browser.newContext(), browser.newContext()]);
    [staff, dashboard] = await Promise.all([
      staffContext.newPage().then(watched),
      publicContext.newPage().then(watched),
    ]);
    await signInThroughUi(staff, app.url, demoAccount(app, 'staff'));
  });
  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await app?.stop();
  });

  it(
    'staff registers a contract from an agreed inquiry; an open dashboard shows it without reloading',
    { timeout: 120_000 },
    async () => {
      const inquiryId = await agreedInquiry();
      await dashboard.setViewportSize({ width: 1920, height: 1080 });
      await dashboard.goto(`${app.url}/dashboard`);
      const total = dashboard.getByTestId('dashboard-total');
      await expect.poll(() => total.innerText()).toBe('0 元');

      await staff.goto(`${app.url}/contracts/new?inquiry=${inquiryId}`);
      await staff.getByTestId('contract-prefilled').waitFor();
      await expect.poll(() => staff.locator('#contract-seller-name').inputValue()).toBe('百色学院');
      expect(await staff.locator('#contract-buyer-name').inputValue()).toBe('平果铝业深加工有限公司');
      await staff.locator('.el-select__wrapper', { has: staff.locator('#contract-type') }).click();
      await staff.getByRole('option', { name: '技术许可', exact: true }).click();
      for (const id of ['#contract-signed', '#contract-term-start']) {
        await staff.locator(id).fill(TODAY);
        await staff.locator(id).press('Enter');
      }
      await staff.locator('#contract-term-end').fill(`${Number(TODAY.slice(0, 4)) + 2}-12-31`);
      await staff.locator('#contract-term-end').press('Enter');
      await staff.locator('#contract-amount').fill('120');
      await staff.locator('#contract-tech-amount').fill('100');
      await staff.getByTestId('contract-save').click();

      await staff.locator('#registration-number').fill(`${TODAY.slice(0, 4)}451000000001`);
      await staff.getByTestId('contract-register').click();
      await staff.getByTestId('contract-registration').waitFor();

      await expect.poll(() => total.innerText(), { timeout: 5000 }).toBe('120 万元');
      expect(await dashboard.getByTestId('dashboard-count').innerText()).toBe('1');
      const feed = dashboard.getByTestId('dashboard-feed');
      await expect.poll(() => feed.locator('li').count()).toBe(1);
      expect(await feed.innerText()).toContain('120 万元');
      expect(await feed.innerText()).toContain('（未公开）');
    },
  );
});
