import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demoAccount,
  describeE2E,
  launchBrowser,
  signInThroughUi,
  startApp,
  type RunningApp,
} from './harness.js';

describeE2E('accounts journey', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('a firm registers, staff verifies the organisation, the firm user signs in and sees it verified, and the audit log shows it', async () => {
    const firm = await (await browser.newContext()).newPage();
    const firmName = `百色平果铝材深加工有限公司${Date.now() % 10000}`;
    const email = `firm${Date.now()}@example.cn`;
    const password = 'Pingguo-alumina-2026';

    await firm.goto(`${app.url}/register`);
    await firm.locator('#reg-name').fill('黄经理');
    await firm.locator('#reg-email').fill(email);
    await firm.locator('#reg-password').fill(password);
    await firm.locator('#reg-credit-code').fill('91451000MA5NAT1E5W');
    await firm.locator('#reg-org-name').click(); // leaving the code field looks it up
    await firm.locator('#reg-org-name').fill(firmName);
    await firm.locator('#reg-org-contactName').fill('黄经理');
    await firm.locator('#reg-org-contactPhone').fill('0776-5512345');
    await firm.locator('#reg-org-contactEmail').fill(email);
    await firm.getByRole('button', { name: '注册', exact: true }).click();

    // A wrong check character is caught before anything is sent.
    await expect
      .poll(() => firm.locator('.el-form-item__error').allInnerTexts())
      .toContainEqual(expect.stringContaining('统一社会信用代码不正确'));
    await firm.locator('#reg-credit-code').fill('91451000MA5NAT1E57');
    await firm.getByRole('button', { name: '注册', exact: true }).click();
    await firm.waitForURL('**/organisation');
    await expect.poll(() => firm.getByTestId('verification-banner').innerText()).toContain('等待科技局审核');

    const staff = await (await browser.newContext()).newPage();
    await signInThroughUi(staff, app.url, demoAccount(app, 'staff'));
    await staff.goto(`${app.url}/staff/verification`);
    const row = staff.locator('.el-table__row', { hasText: firmName });
    await row.getByRole('button', { name: '通过', exact: true }).click();
    await staff.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => staff.locator('.el-table__row', { hasText: firmName }).count()).toBe(0);

    // The firm user's open page learns of the decision live; after signing in again it is still verified.
    await expect
      .poll(() => firm.getByTestId('verification-banner').innerText())
      .toContain('已通过科技局认证');
    await firm.getByTestId('user-menu').click();
    await firm.getByRole('menuitem', { name: '退出登录' }).click();
    await firm.getByRole('link', { name: '登录', exact: true }).waitFor();
    await signInThroughUi(firm, app.url, { email, password });
    await firm.goto(`${app.url}/organisation`);
    await expect.poll(() => firm.getByTestId('verification-status').innerText()).toBe('已认证');

    await staff.goto(`${app.url}/staff/audit`);
    await expect.poll(() => staff.getByTestId('audit-table').innerText()).toContain('organisation.verify');
  });
});
