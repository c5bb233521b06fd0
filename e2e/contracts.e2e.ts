import { todayInChina } from '@techmatch/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demoAccount,
  describeE2E,
  launchBrowser,
  pageErrorWatch,
  signInThroughUi,
  startApp,
  type RunningApp,
} from './harness.js';
import { staffApi, verifiedMember } from './members.js';
import { buildAchievementInput } from '../server/src/test/factories.js';

const TODAY = todayInChina();

describeE2E('contracts journey', () => {
  let app: RunningApp;
  let browser: Browser;
  let staff: Page;
  let dashboard: Page;
  const { errors: pageErrors, watch: watched } = pageErrorWatch();

  /** A published achievement, an inquiry about it from a firm, accepted and agreed by both sides (API). */
  async function agreedInquiry(): Promise<string> {
    const [researcher, firm] = await Promise.all([
      verifiedMember(app, browser, 'researcher', 11),
      verifiedMember(app, browser, 'firm', 12),
    ]);
    const achievement = (await researcher.api.post(
      '/achievements',
      buildAchievementInput({ transferModes: ['许可'] }),
    )) as { id: string };
    await researcher.api.post(`/achievements/${achievement.id}/submit`);
    await (await staffApi(app)).post(`/achievements/${achievement.id}/review`, { decision: 'published' });
    const inquiry = (await firm.api.post('/inquiries', {
      listingType: 'achievement',
      listingId: achievement.id,
      message: '我们希望签订技术许可合同。',
    })) as { id: string };
    await researcher.api.post(`/inquiries/${inquiry.id}/decision`, { decision: 'accept' });
    await firm.api.post(`/inquiries/${inquiry.id}/agree`);
    const agreed = (await researcher.api.post(`/inquiries/${inquiry.id}/agree`)) as { status: string };
    expect(agreed.status).toBe('agreed');
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
