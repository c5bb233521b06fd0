import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildChallengeInput } from '../server/src/test/factories.js';
import {
  describeE2E,
  launchBrowser,
  pickDate,
  pageErrorWatch,
  signInThroughUi,
  startApp,
  untilListed,
  type RunningApp,
} from './harness.js';
import { publishedListing, staffApi, verifiedMember, type Member } from './members.js';

/** A 揭榜挂帅 challenge with a 300 万元 bounty, open for applications for 60 days. */
const challenge = buildChallengeInput();
/** How long a live update may take to show on this shared machine. */
const soon = { timeout: 10_000 };

describeE2E('揭榜挂帅 applications journey', () => {
  let app: RunningApp;
  let browser: Browser;
  let researcherMember: Member;
  let researcher: Page;
  let firm: Page;
  let challengeId: string;
  const { errors: pageErrors, watch: watched } = pageErrorWatch();

  /** What a locator shows now, '' if nothing matches: a poll on it fails with its last value, not a hang. */
  const shown = async (locator: Locator) => (await locator.allInnerTexts()).join('\n');
  /** The inline message under the form field holding `inputId`. */
  const fieldError = (page: Page, inputId: string) =>
    page.locator('.el-form-item', { has: page.locator(inputId) }).locator('.el-form-item__error');
  const unread = async (page: Page) =>
    Number((await page.getByTestId('notification-count').innerText()) || 0);
  const myApplication = () => researcher.getByTestId('application-card').filter({ hasText: challenge.title });
  const boardCard = (column: 'submitted' | 'shortlisted' | 'decided') =>
    firm.getByTestId(`board-${column}`).getByTestId('application-card');

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    let owner: Member;
    [researcherMember, owner] = await Promise.all([
      verifiedMember(app, browser, 'researcher', 31),
      verifiedMember(app, browser, 'firm', 32),
    ]);
    challengeId = await publishedListing(await staffApi(app), owner, 'needs', challenge);
    researcher = watched(await (await browser.newContext()).newPage());
    firm = watched(await owner.context.newPage());
  });
  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await app?.stop();
  });

  it('the firm opens the review board of its challenge, with no applications yet', async () => {
    await firm.goto(`${app.url}/needs/${challengeId}`);
    await firm.getByTestId('application-board').click();
    await firm.waitForURL(`**/needs/${challengeId}/applications`);
    await expect.poll(() => shown(firm.locator('.el-empty'))).toBe('暂无揭榜申请');
  });

  it('a researcher signs in, finds the challenge under 揭榜挂帅 and opens its application form', async () => {
    await signInThroughUi(researcher, app.url, researcherMember.account);
    await researcher
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '揭榜挂帅', exact: true })
      .click();
    await researcher.waitForURL('**/challenges');
    const card = await untilListed(researcher, challenge.title);
    expect(await card.getByTestId('amount').innerText()).toBe('300 万元');

    await card.getByRole('link', { name: challenge.title }).click();
    await researcher.getByTestId('challenge-apply').click();
    await researcher.waitForURL(`**/needs/${challengeId}/apply`);
    await expect.poll(() => shown(researcher.locator('h1'))).toBe('揭榜申请');
  });

  it('the form refuses an empty plan and an amount that is not one before sending, then applies', async () => {
    const applying = (request: Request) =>
      request.method() === 'POST' && request.url().endsWith(`/api/needs/${challengeId}/applications`);
    const sent: string[] = [];
    const record = (request: Request) => applying(request) && sent.push(request.url());
    researcher.on('request', record);

    await researcher.locator('#application-amount').fill('三十万');
    await researcher.getByTestId('application-submit').click();
    await expect.poll(() => shown(fieldError(researcher, '#application-plan'))).toBe('此项必填');
    expect(await fieldError(researcher, '#application-amount').innerText()).toBe('请输入金额（万元）');
    await researcher.locator('#application-amount').fill('500');
    await expect
      .poll(() => shown(fieldError(researcher, '#application-amount')))
      .toBe('不超过揭榜奖金 300 万元');
    expect(sent).toEqual([]);

    await researcher
      .locator('#application-plan')
      .fill('以提铁尾渣为主要原料，采用碱激发工艺制备胶凝材料，分小试、中试与示范线三个阶段完成。');
    await researcher.locator('#milestone-0-title').fill('小试配方定型');
    await pickDate(researcher, '#milestone-0-due', '2027-06-30');
    await researcher.locator('#milestone-0-deliverable').fill('配方与第三方检测报告');
    await researcher.locator('#application-amount').fill('120');
    await researcher.locator('#member-0-name').fill('韦教授');
    await researcher.locator('#member-0-role').fill('项目负责人');
    await researcher.getByRole('button', { name: '添加成员' }).click();
    await researcher.locator('#member-1-name').fill('黄博士');
    await researcher.locator('#member-1-expertise').fill('固废资源化');
    await researcher.getByTestId('application-submit').click();

    await researcher.waitForURL('**/my/applications');
    await expect.poll(() => shown(myApplication().getByTestId('application-status'))).toBe('已提交');
    expect(await myApplication().innerText()).toMatch(/申请金额 120 万元[\s\S]*2 人团队/);
    expect(sent).toHaveLength(1);
    researcher.off('request', record);
  });

  it('the application shows on the open board; the firm shortlists it and the researcher sees it live', async () => {
    await expect.poll(() => shown(boardCard('submitted')), soon).toContain('百色学院');
    expect(await boardCard('submitted').innerText()).toMatch(/韦教授[\s\S]*申请金额 120 万元/);
    const unreadBefore = await unread(researcher);

    await boardCard('submitted').getByRole('button', { name: '入围' }).click();
    await expect.poll(() => boardCard('shortlisted').count()).toBe(1);
    expect(await boardCard('submitted').count()).toBe(0);

    await expect.poll(() => shown(myApplication().getByTestId('application-status')), soon).toBe('已入围');
    await expect.poll(() => unread(researcher), soon).toBe(unreadBefore + 1);
  });

  it('the firm picks it as winner after confirming; the researcher learns it live, with an inquiry opened', async () => {
    const unreadBefore = await unread(researcher);
    await boardCard('shortlisted').getByTestId('application-win').click();
    const dialog = firm.locator('.el-message-box');
    await expect.poll(() => shown(dialog)).toContain('确定选择“百色学院”为揭榜方');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => shown(boardCard('decided').getByTestId('application-status'))).toBe('揭榜成功');
    expect(await boardCard('decided').getByTestId('application-inquiry').innerText()).toBe('进入洽谈');

    await expect.poll(() => shown(myApplication().getByTestId('application-status')), soon).toBe('揭榜成功');
    expect(await myApplication().getByTestId('application-inquiry').innerText()).toBe('进入洽谈');
    // Two notifications: the decision itself and the inquiry the award opened.
    await expect.poll(() => unread(researcher), soon).toBe(unreadBefore + 2);

    await researcher.getByTestId('notification-bell').click();
    await expect
      .poll(() => shown(researcher.getByTestId('inbox')))
      .toContain(`揭榜成功！您的方案被“${challenge.title}”选中`);

    await researcher.getByTestId('user-menu').click();
    await researcher.getByRole('menuitem', { name: '我的洽谈' }).click();
    const inquiry = researcher.getByTestId('inquiry-row').filter({ hasText: challenge.title });
    await expect.poll(() => inquiry.count()).toBe(1);
    expect(await inquiry.innerText()).toContain('平果铝业深加工有限公司');
  });
});
