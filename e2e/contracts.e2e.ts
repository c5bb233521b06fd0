import { todayInChina } from '@techmatch/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demoAccount,
  describeE2E,
  launchBrowser,
  pickDate,
  pageErrorWatch,
  signInThroughUi,
  startApp,
  type RunningApp,
} from './harness.js';
import { publishedListing, staffApi, verifiedMember, type Member } from './members.js';
import { buildAchievementInput } from '../server/src/test/factories.js';

const TODAY = todayInChina();
const NEXT_YEAR = Number(TODAY.slice(0, 4)) + 1;
/** Enough of a PDF for the upload to accept it: the API recognises files by their first bytes. */
const SCAN = {
  name: '合同扫描件.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
};

describeE2E('contracts journey', () => {
  let app: RunningApp;
  let browser: Browser;
  let staff: Page;
  let dashboard: Page;
  const { errors: pageErrors, watch: watched } = pageErrorWatch();

  /** A published achievement, an inquiry about it from a firm, accepted and agreed by both sides (API). */
  async function agreedInquiry(): Promise<{ inquiryId: string; seller: Member }> {
    const [researcher, firm] = await Promise.all([
      verifiedMember(app, browser, 'researcher', 11),
      verifiedMember(app, browser, 'firm', 12),
    ]);
    const achievementId = await publishedListing(
      await staffApi(app),
      researcher,
      'achievements',
      buildAchievementInput({ transferModes: ['许可'] }),
    );
    const inquiry = (await firm.api.post('/inquiries', {
      listingType: 'achievement',
      listingId: achievementId,
      message: '我们希望签订技术许可合同。',
    })) as { id: string };
    await researcher.api.post(`/inquiries/${inquiry.id}/decision`, { decision: 'accept' });
    await firm.api.post(`/inquiries/${inquiry.id}/agree`);
    const agreed = (await researcher.api.post(`/inquiries/${inquiry.id}/agree`)) as { status: string };
    expect(agreed.status).toBe('agreed');
    return { inquiryId: inquiry.id, seller: researcher };
  }

  /** The seller fills in what the inquiry did not say, two instalments and a scan, and submits it. */
  async function submitContract(seller: Page, inquiryId: string): Promise<void> {
    await seller.goto(`${app.url}/contracts/new?inquiry=${inquiryId}`);
    await seller.getByTestId('contract-prefilled').waitFor();
    await expect.poll(() => seller.locator('#contract-seller-name').inputValue()).toBe('百色学院');
    expect(await seller.locator('#contract-buyer-name').inputValue()).toBe('平果铝业深加工有限公司');
    await seller.locator('.el-select__wrapper', { has: seller.locator('#contract-type') }).click();
    await seller.getByRole('option', { name: '技术许可', exact: true }).click();
    await pickDate(seller, '#contract-signed', TODAY);
    await pickDate(seller, '#contract-term-start', TODAY);
    await pickDate(seller, '#contract-term-end', `${NEXT_YEAR + 1}-12-31`);
    await seller.locator('#contract-amount').fill('120');
    await seller.locator('#contract-tech-amount').fill('100');

    const total = seller.getByTestId('payments-total');
    for (const [i, amount] of ['50', '70'].entries()) {
      await seller.getByTestId('contract-payment-add').click();
      await seller.locator(`#contract-payment-${i}-amount`).fill(amount);
      await pickDate(seller, `#contract-payment-${i}-due`, `${NEXT_YEAR + i}-06-30`);
    }
    await seller.locator('#contract-payment-1-note').fill('验收合格后支付');
    await expect.poll(() => total.innerText()).toContain('合计 120 万元');
    expect(await total.innerText()).toContain('与合同成交额一致');

    await seller.locator('input[type=file]').setInputFiles(SCAN);
    await seller.getByTestId('attachments').getByText(SCAN.name).waitFor();
    await seller.getByRole('button', { name: '提交登记' }).click();
    await seller.getByTestId('contract-save').waitFor({ state: 'detached' });
  }

  /** Staff open the submitted contract from the registration console and check its schedule and scan. */
  async function reviewSubmitted(): Promise<void> {
    await staff.goto(`${app.url}/contracts?status=submitted`);
    await staff.getByRole('button', { name: '办理' }).click();
    const schedule = staff.getByTestId('review-payments');
    await expect.poll(() => schedule.locator('.el-table__body tr').count()).toBe(2);
    const rows = await schedule.locator('.el-table__body tr').allInnerTexts();
    expect(rows[0]).toContain('50 万元');
    expect(rows[1]).toContain('70 万元');
    expect(rows[1]).toContain('验收合格后支付');
    expect(await staff.getByTestId('payments-total').innerText()).toContain('与合同成交额一致');
    const scan = staff.getByTestId('attachments').getByRole('link', { name: SCAN.name });
    const download = await staff.request.get(`${app.url}${await scan.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
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
    'the seller submits a contract from an agreed inquiry with its payment schedule; staff check and register it; an open dashboard shows it without reloading',
    { timeout: 120_000 },
    async () => {
      const { inquiryId, seller } = await agreedInquiry();
      await dashboard.setViewportSize({ width: 1920, height: 1080 });
      await dashboard.goto(`${app.url}/dashboard`);
      const total = dashboard.getByTestId('dashboard-total');
      await expect.poll(() => total.innerText()).toBe('0 元');

      await submitContract(watched(await seller.context.newPage()), inquiryId);
      await reviewSubmitted();

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
