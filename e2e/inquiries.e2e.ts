import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAchievementInput } from '../server/src/test/factories.js';
import {
  demoAccount,
  describeE2E,
  launchBrowser,
  pageErrorWatch,
  signInThroughUi,
  startApp,
  type RunningApp,
} from './harness.js';
import { publishedListing, staffApi, verifiedMember } from './members.js';

const achievement = buildAchievementInput();
/** How long a live update may take to show on this shared machine. */
const soon = { timeout: 10_000 };

describeE2E('inquiries journey', () => {
  let app: RunningApp;
  let browser: Browser;
  let researcher: Page;
  let firm: Page;
  let staff: Page;
  let achievementId: string;
  const { errors: pageErrors, watch: watched } = pageErrorWatch();

  /** The texts of the conversation's messages, in the order shown. */
  const bodies = (page: Page) => page.getByTestId('chat-message').locator('.tm-chat__body').allInnerTexts();
  const lastBody = async (page: Page) => (await bodies(page)).at(-1);

  async function send(page: Page, text: string): Promise<void> {
    await page.locator('#chat-input').fill(text);
    await page.locator('#chat-input').press('Enter');
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const [asResearcher, asFirm] = await Promise.all([
      verifiedMember(app, browser, 'researcher', 21),
      verifiedMember(app, browser, 'firm', 22),
    ]);
    researcher = watched(await asResearcher.context.newPage());
    firm = watched(await asFirm.context.newPage());
    staff = watched(await (await browser.newContext()).newPage());
    achievementId = await publishedListing(await staffApi(app), asResearcher, 'achievements', achievement);
  });
  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await app?.stop();
  });

  it('a firm opens an inquiry on an achievement and the researcher sees it arrive live', async () => {
    await researcher.goto(`${app.url}/inquiries`);
    await researcher.getByTestId('inquiry-list').waitFor();
    expect(await researcher.getByTestId('inquiry-row').count()).toBe(0);

    const unread = Number((await researcher.getByTestId('notification-count').innerText()) || 0);

    await firm.goto(`${app.url}/achievements/${achievementId}`);
    await firm.getByTestId('open-inquiry').click();
    await firm
      .locator('#inquiry-message')
      .fill('我们是铝加工企业，想了解脱碱赤泥用于免烧砖的中试数据和许可方式。');
    await firm.getByTestId('inquiry-open-submit').click();
    await firm.waitForURL(/\/inquiries\/[0-9a-f]{24}$/);
    // Staged disclosure: the listing's phone stays hidden until the researcher accepts.
    await expect
      .poll(() => firm.getByTestId('inquiry-contacts').innerText(), soon)
      .toContain('对方接受洽谈后可见');
    expect(await firm.getByTestId('inquiry-contacts').innerText()).not.toContain(achievement.contactPhone);

    const row = researcher.getByTestId('inquiry-row');
    await expect.poll(() => row.count(), soon).toBe(1);
    expect(await row.innerText()).toContain(achievement.title);
    await expect
      .poll(() => researcher.getByTestId('notification-count').innerText(), soon)
      .toBe(String(unread + 1));
  });

  it('the researcher accepts, and they talk both ways in real time, HTML arriving as plain text', async () => {
    await researcher.getByTestId('inquiry-row').click();
    await researcher.waitForURL(/\/inquiries\/[0-9a-f]{24}$/);
    await expect.poll(() => lastBody(researcher), soon).toContain('免烧砖的中试数据');

    await researcher.getByTestId('inquiry-accept').click();
    await expect
      .poll(() => firm.getByTestId('inquiry-contacts').innerText(), soon)
      .toContain(achievement.contactPhone);
    await expect
      .poll(() => firm.getByTestId('chat-system').allInnerTexts(), soon)
      .toContainEqual(expect.stringContaining('接受了洽谈'));

    await send(researcher, '欢迎！中试报告可以提供，许可费用可以面谈。');
    await expect.poll(() => lastBody(firm), soon).toBe('欢迎！中试报告可以提供，许可费用可以面谈。');

    await send(firm, '<b>请发</b>报告<script>alert(1)</script>');
    await expect.poll(() => lastBody(researcher), soon).toBe('<b>请发</b>报告<script>alert(1)</script>');
    expect(await researcher.getByTestId('chat-log').locator('b, script').count()).toBe(0);
    // The researcher has the conversation open: the firm sees its message read.
    await expect.poll(() => firm.getByTestId('chat-receipt').last().innerText(), soon).toBe('已读');
  });

  it('a reload shows the same history, in the same order', async () => {
    const before = await bodies(firm);
    expect(before).toHaveLength(3);
    await firm.reload();
    await expect.poll(() => bodies(firm), soon).toEqual(before);
    await send(firm, '刷新后继续洽谈。');
    await expect.poll(() => lastBody(researcher), soon).toBe('刷新后继续洽谈。');
    expect(await bodies(researcher)).toEqual([...before, '刷新后继续洽谈。']);
  });

  it('staff joins as broker: both sides see it happen, and the broker writes in the room', async () => {
    await signInThroughUi(staff, app.url, demoAccount(app, 'staff'));
    await staff.goto(`${app.url}/inquiries`);
    await staff.getByTestId('inquiries-all').click();
    await staff.getByTestId('inquiry-row').filter({ hasText: achievement.title }).click();
    await staff.getByTestId('inquiry-join-broker').click();
    await expect.poll(() => staff.getByTestId('inquiry-brokers').innerText(), soon).not.toBe('');

    for (const page of [researcher, firm]) {
      await expect
        .poll(() => page.getByTestId('chat-system').allInnerTexts(), soon)
        .toContainEqual(expect.stringContaining('加入了洽谈'));
    }
    await send(staff, '我是科技局技术经纪人，可协助办理技术合同登记。');
    for (const page of [researcher, firm]) {
      await expect.poll(() => lastBody(page), soon).toBe('我是科技局技术经纪人，可协助办理技术合同登记。');
    }
  });
});
