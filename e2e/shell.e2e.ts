import type { HealthResponse } from '@techmatch/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, launchBrowser, startApp, type RunningApp } from './harness.js';

describeE2E('app shell', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('loads in Chinese, switches to English, and the status page reports each service', async () => {
    await page.goto(app.url);
    await expect
      .poll(() => page.locator('header.tm-header').innerText())
      .toContain('百色科技成果转化撮合平台');

    await page.getByTestId('lang-en').click();
    await expect
      .poll(() => page.locator('header.tm-header').innerText())
      .toContain('Baise Technology Transfer');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'About & status' })
      .click();
    await page.waitForURL('**/about');
    await expect.poll(() => page.getByTestId('client-socket').innerText()).toBe('Connected');

    const health = (await (await fetch(`${app.url}/api/health`)).json()) as HealthResponse;
    const stateLabel = { up: 'Up', down: 'Down', starting: 'Starting', not_configured: 'Not configured' };
    for (const name of ['database', 'search', 'realtime'] as const) {
      const expected = stateLabel[health.services[name].state];
      await expect.poll(() => page.getByTestId(`state-${name}`).innerText()).toBe(expected);
    }

    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(pageErrors).toEqual([]);
  });

  it('serves client-side routes directly (history fallback)', async () => {
    const res = await page.goto(`${app.url}/about`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/About|关于/);
  });
});
