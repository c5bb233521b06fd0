import { todayInChina } from '@techmatch/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demoAccount,
  describeE2E,
  pageErrorWatch,
  launchBrowser,
  pickDate,
  signInThroughUi,
  startApp,
  untilListed,
  type RunningApp,
} from './harness.js';
import { verifiedMember } from './members.js';

/** A day `days` from today in the bureau's calendar, and how the Chinese UI writes it. */
const inDays = (days: number) => todayInChina(new Date(Date.now() + days * 86_400_000));
const zhDate = (day: string) =>
  new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

describeE2E('listings journey', () => {
  let app: RunningApp;
  let browser: Browser;
  let staff: Page;
  let researcher: Page;
  let firm: Page;
  const { errors: pageErrors, watch: watched } = pageErrorWatch();

  const memberPage = async (role: 'researcher' | 'firm', n: number) =>
    watched(await (await verifiedMember(app, browser, role, n)).context.newPage());

  async function choose(page: Page, selectId: string, option: string): Promise<void> {
    await page.locator('.el-select__wrapper', { has: page.locator(selectId) }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function fillContacts(page: Page): Promise<void> {
    await page.locator('#listing-contactName').fill('韦教授');
    await page.locator('#listing-contactPhone').fill('13907760001');
    await page.locator('#listing-contactEmail').fill('wei@bsu.example.cn');
  }

  /**
   * Staff, who has kept the review queue open all along, sees the submission arrive without reloading, opens it
   * in the drawer and approves it.
   */
  async function approveInQueue(tab: 'achievement' | 'need', title: string): Promise<void> {
    await staff.getByTestId(`review-tab-${tab}`).click();
    const row = staff.getByTestId('listing-row').filter({ hasText: title });
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(1);
    await row.getByRole('button', { name: '查看并审核' }).click();
    const drawer = staff.getByTestId('review-drawer');
    await expect.poll(() => drawer.getByTestId('listing-body').innerText()).not.toBe('');
    await drawer.getByRole('button', { name: '通过', exact: true }).click();
    await staff.getByTestId('review-confirm').click();
    await expect.poll(() => staff.getByTestId('listing-row').filter({ hasText: title }).count()).toBe(0);
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    [researcher, firm, staff] = await Promise.all([
      memberPage('researcher', 1),
      memberPage('firm', 2),
      browser.newPage().then(watched),
    ]);
    await signInThroughUi(staff, app.url, demoAccount(app, 'staff'));
    await staff.goto(`${app.url}/staff/review`);
    await staff.getByTestId('review-queue').waitFor();
  });
  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await app?.stop();
  });

  it('a researcher posts and submits an achievement, staff approves it, a visitor finds it highlighted', async () => {
    const title = '百色芒果采后保鲜与冷链物流技术';
    await researcher.goto(app.url);
    await researcher.getByTestId('user-menu').click();
    await researcher.getByRole('menuitem', { name: '发布成果' }).click();
    await researcher.waitForURL('**/achievements/new');
    await researcher.locator('#listing-title').fill(title);
    await researcher
      .locator('#achievement-summary')
      .fill(
        '针对芒果采后易腐烂的问题，研发了复合涂膜保鲜与预冷分级技术，货架期延长7天以上，适合合作社推广。',
      );
    await choose(researcher, '#listing-field', '现代特色农林');
    await researcher.locator('#listing-keywords').fill('冷链');
    await researcher.locator('#listing-keywords').press('Enter');
    await choose(researcher, '#achievement-maturity', '中试');
    await choose(researcher, '#achievement-ip-type', '发明专利');
    await researcher.getByTestId('transfer-modes').getByText('许可').click();
    await researcher.locator('#achievement-price').fill('12.5');
    await fillContacts(researcher);
    await researcher
      .getByTestId('attachment-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: '检测报告.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      });
    await expect.poll(() => researcher.getByTestId('attachments').innerText()).toContain('检测报告.pdf');
    await researcher.getByTestId('save-and-submit').click();

    await researcher.waitForURL(/\/achievements\/[0-9a-f]{24}$/);
    await expect.poll(() => researcher.getByTestId('status-alert').innerText()).toContain('待审核');
    expect(await researcher.getByTestId('listing-facts').innerText()).toContain('12.5 万元');

    await approveInQueue('achievement', title);

    // The researcher's open page hears the decision live.
    await expect
      .poll(() => researcher.locator('.el-notification').innerText(), { timeout: 5000 })
      .toContain('已通过审核');
    await expect
      .poll(() => researcher.getByTestId('status-alert').innerText(), { timeout: 5000 })
      .toContain('已发布');

    const visitor = watched(await (await browser.newContext()).newPage());
    await visitor.goto(`${app.url}/achievements`);
    await visitor.getByTestId('search-input').fill('芒果');
    await visitor.getByTestId('search-input').press('Enter');
    await visitor
      .getByTestId('facet-field')
      .getByRole('button', { name: /现代特色农林/ })
      .click();
    await visitor.waitForURL((url) => url.searchParams.get('field') === '现代特色农林');
    expect(new URL(visitor.url()).searchParams.get('q')).toBe('芒果');
    const card = await untilListed(visitor, title);
    expect(await card.locator('h3 mark').allInnerTexts()).toEqual(['芒果']);
    expect(await visitor.getByTestId('result-count').innerText()).toBe('共 1 条结果');
    expect(await card.innerText()).toContain('12.5 万元');
  });

  it('a firm posts a 揭榜挂帅 challenge; once approved it is listed with its bounty and deadline', async () => {
    const title = '揭榜挂帅：赤泥提铁尾渣制备高性能胶凝材料';
    const applyBy = inDays(45);
    await firm.goto(`${app.url}/needs/new`);
    await firm.getByTestId('need-kind').getByText('揭榜挂帅').click();
    await firm.locator('#listing-title').fill(title);
    await firm
      .locator('#need-description')
      .fill('我公司每年产生提铁尾渣约30万吨，希望开发以尾渣为主要原料的高性能胶凝材料，实现规模化消纳。');
    await choose(firm, '#listing-field', '生态铝');
    await choose(firm, '#need-county', '平果市');
    await firm.getByTestId('need-budget-negotiable').click();
    await firm.locator('#need-bounty').fill('300');
    await pickDate(firm, '#need-application-deadline', applyBy);
    await firm.locator('#need-requirement-0').fill('尾渣掺量不低于40%');
    await fillContacts(firm);
    await firm.getByTestId('save-and-submit').click();

    await firm.waitForURL(/\/needs\/[0-9a-f]{24}$/);
    await expect.poll(() => firm.getByTestId('challenge-terms').innerText()).toContain('300 万元');

    await approveInQueue('need', title);

    const visitor = watched(await (await browser.newContext()).newPage());
    await visitor.goto(`${app.url}/challenges`);
    const card = await untilListed(visitor, title);
    expect(await card.getByTestId('amount').innerText()).toBe('300 万元');
    expect(await card.getByTestId('apply-by').innerText()).toBe(`揭榜截止 ${zhDate(applyBy)}`);
    expect(await card.innerText()).toContain('揭榜挂帅');
  });
});
