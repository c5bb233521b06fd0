import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAchievementInput, buildNeedInput } from '../server/src/test/factories.js';
import {
  demoAccount,
  describeE2E,
  pageErrorWatch,
  launchBrowser,
  signInThroughUi,
  startApp,
  type RunningApp,
} from './harness.js';
import { publishedListing, staffApi, verifiedMember, type ApiClient, type Member } from './members.js';

describeE2E('matching journey', () => {
  let app: RunningApp;
  let browser: Browser;
  let researcher: Member;
  let firm: Member;
  let staff: ApiClient;
  const { errors: pageErrors, watch: watched } = pageErrorWatch();

  const achievementTitle = '拜耳法赤泥低温脱碱与免烧砖制备技术';
  const needTitle = '氧化铝厂赤泥堆场减量与建材化利用';
  let needId = '';

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    staff = await staffApi(app);
    [researcher, firm] = await Promise.all([
      verifiedMember(app, browser, 'researcher', 11),
      verifiedMember(app, browser, 'firm', 12),
    ]);
    await publishedListing(
      staff,
      researcher,
      'achievements',
      buildAchievementInput({ title: achievementTitle }),
    );
    needId = await publishedListing(staff, firm, 'needs', buildNeedInput({ title: needTitle }));
  });
  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await app?.stop();
  });

  it('a firm sees on its need the achievement that answers it, with why, and can star or dismiss it', async () => {
    const page = watched(await firm.context.newPage());
    await page.goto(`${app.url}/needs/${needId}`);
    await page.getByTestId('detail-tabs').getByText('匹配推荐').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'matches');

    // Matching runs in the background after approval: the tab shows it computing, then the answer.
    const card = page.locator('article.tm-match').filter({ hasText: achievementTitle });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.locator('dd mark').first().innerText()).toBe('赤泥');
    expect(await card.getByTestId('match-score').innerText()).toMatch(/强匹配|匹配度/);
    expect(await page.getByTestId('listing-matches').innerText()).toContain('匹配所用关键词');

    await card.getByTestId('match-star').click();
    await expect.poll(() => card.getByTestId('match-star').innerText()).toBe('取消收藏');
    // A star steers the listing's next search for partners, and the owner is told so.
    await expect.poll(() => page.locator('.el-message', { hasText: '重新计算推荐' }).count()).toBe(1);

    await card.getByTestId('match-dismiss').click();
    await expect.poll(() => card.count()).toBe(0);
    await page.getByTestId('show-dismissed').click();
    await expect.poll(() => card.count()).toBe(1);
    await card.getByTestId('match-undismiss').click();
    await expect.poll(() => card.getByTestId('match-dismiss').count()).toBe(1);
  });

  it('the researcher finds the same match under “my matches”, and was told about it in the inbox', async () => {
    const page = watched(await researcher.context.newPage());
    await page.goto(`${app.url}/my/matches`);
    const card = page.getByTestId('my-matches').locator('article.tm-match').filter({ hasText: needTitle });
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    const inbox = (await researcher.api.get('/notifications')) as { items: { type: string }[] };
    expect(inbox.items.map((n) => n.type)).toContain('match_found');
  });

  it('staff take a strong match in hand from the matchmaking board, and it leaves the board', async () => {
    const page = watched(await browser.newPage());
    await signInThroughUi(page, app.url, demoAccount(app, 'staff'));
    await page.goto(`${app.url}/staff/matches`);
    const card = page.getByTestId('match-board').locator('article.tm-match').filter({ hasText: needTitle });
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    expect(await card.innerText()).toContain(achievementTitle);
    await card.getByTestId('match-handle').click();
    await expect.poll(() => card.count()).toBe(0);
  });

  it('staff add a synonym group in the thesaurus editor, and delete it after confirming', async () => {
    const page = watched(await browser.newPage());
    await signInThroughUi(page, app.url, demoAccount(app, 'staff'));
    await page.goto(`${app.url}/staff/thesaurus`);
    await page.getByTestId('thesaurus-add').click();
    const words = page.locator('#thesaurus-words');
    for (const word of ['芒果干', '果脯']) {
      await words.fill(word);
      await words.press('Enter');
    }
    await page.getByTestId('thesaurus-save').click();
    const row = page.getByTestId('thesaurus-table').locator('tr').filter({ hasText: '芒果干 = 果脯' });
    await expect.poll(() => row.count()).toBe(1);

    await row.getByRole('button', { name: '删除' }).click();
    await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => row.count()).toBe(0);
  });

  it('a firm user saves a search and finds it among the saved searches', async () => {
    const page = watched(await firm.context.newPage());
    await page.goto(
      `${app.url}/achievements?q=${encodeURIComponent('赤泥')}&field=${encodeURIComponent('生态铝')}`,
    );
    await page.getByTestId('save-search').click();
    const name = page.locator('.el-message-box input');
    await expect.poll(() => name.inputValue()).toContain('赤泥');
    await page.locator('.el-message-box').getByRole('button', { name: '保存搜索' }).click();
    await page.goto(`${app.url}/my/saved-searches`);
    const item = page.getByTestId('saved-searches').locator('article');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('关键词：赤泥');
    expect(await item.innerText()).toContain('领域：生态铝');
  });
});
