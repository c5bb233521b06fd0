import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { describe, expect } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Flags that let Chromium run headless as root on a machine with no outside network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const chromiumPath = CHROMIUM_CANDIDATES.find((candidate) => candidate && existsSync(candidate));

/**
 * `describe` for browser tests. Without Chromium the suite is skipped with a clear message on a developer
 * machine, and fails under CI, where a missing browser means the pipeline is broken.
 */
export function describeE2E(name: string, body: () => void): void {
  if (chromiumPath) {
    describe(name, body);
    return;
  }
  const message = `No Chromium found (set CHROMIUM_PATH or install the Debian package "chromium"): e2e "${name}"`;
  if (process.env.CI) throw new Error(`${message} cannot run under CI.`);
  console.warn(`\n⚠  ${message} is skipped.\n`);
  // Deliberate: a developer machine without a browser still runs every other test; CI never gets here (above).
  describe.skip(name, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

export interface RunningApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs the built server exactly as `npm start` does, on a free port and a fresh data directory. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const serverEntry = path.join(repoRoot, 'server/dist/main.js');
  if (!existsSync(serverEntry)) throw new Error('server/dist is missing: run `npm run build` first');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'techmatch-e2e-'));
  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      // Each journey starts from the bureau's accounts alone, so what it counts and finds is its own doing.
      SEED_DEMO: 'accounts',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    if (!child.stdout) throw new Error('server stdout is not piped');
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { url?: string; msg?: string };
      if (entry.url && entry.msg === 'Baise TechMatch is listening') {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early with code ${code}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

/** The demo accounts a fresh app created, read from the credentials file it writes into its data directory. */
export function demoAccounts(app: RunningApp): DemoAccount[] {
  const text = readFileSync(path.join(app.dataDir, 'demo-credentials.txt'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [role = '', email = '', password = ''] = line.split('\t');
      return { role, email, password };
    });
}

export function demoAccount(app: RunningApp, role: string): DemoAccount {
  const account = demoAccounts(app).find((a) => a.role === role);
  if (!account) throw new Error(`no demo ${role} account`);
  return account;
}

/** Signs in through the login page, as a user would. */
export async function signInThroughUi(
  page: Page,
  baseUrl: string,
  account: { email: string; password: string },
) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-email').fill(account.email);
  await page.locator('#login-password').fill(account.password);
  await page
    .getByRole('button', { name: /登录|Sign in/ })
    .last()
    .click();
  await page.getByTestId('user-menu').waitFor();
}

/** Waits for a card to appear in a page's search results: search indexing follows the approval shortly. */
export async function untilListed(page: Page, title: string): Promise<Locator> {
  const card = page.getByTestId('result-card').filter({ hasText: title });
  await expect
    .poll(
      async () => {
        if ((await card.count()) === 0) await page.reload();
        return card.count();
      },
      { timeout: 10_000, interval: 500 },
    )
    .toBe(1);
  return card;
}

/** Types a day into a date picker and waits until the picker shows it and has closed, so no popup hides a field. */
export async function pickDate(page: Page, selector: string, date: string): Promise<void> {
  const input = page.locator(selector);
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
  await expect.poll(() => page.locator('.el-picker__popper:visible').count()).toBe(0);
}

/**
 * Collects the console errors and uncaught exceptions (CSP violations among them) of every page passed to
 * `watch`; a journey ends by expecting `errors` to be empty.
 */
export function pageErrorWatch(): { errors: string[]; watch(page: Page): Page } {
  const errors: string[] = [];
  return {
    errors,
    watch(page) {
      page.on('console', (msg) => msg.type() === 'error' && errors.push(`${page.url()}: ${msg.text()}`));
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      return page;
    },
  };
}
