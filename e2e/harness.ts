import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { creditCodeCheckChar, type Session } from '@techmatch/shared';
import { chromium, request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';

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
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
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

/** Signs the demo staff account in through the API; answers the context and its CSRF header. */
export async function staffApi(
  app: RunningApp,
): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await request.newContext({ baseURL: app.url });
  const login = await api.post('/api/auth/login', { data: demoAccount(app, 'staff') });
  const { csrfToken } = (await login.json()) as Session;
  return { api, headers: { 'X-CSRF-Token': csrfToken ?? '' } };
}

/**
 * Registers a researcher or firm user (number `n` keeps emails and credit codes apart) through `api`, which then
 * holds the session, and has the bureau verify the new organisation. Answers the session.
 */
export async function registerVerifiedMember(
  app: RunningApp,
  api: APIRequestContext,
  role: 'researcher' | 'firm',
  n: number,
): Promise<Session> {
  const code = `91451000MA${String(8_000_000 + n)}`;
  const registered = await api.post(`${app.url}/api/auth/register`, {
    data: {
      role,
      name: role === 'firm' ? '陆经理' : '韦教授',
      email: `${role}${n}@listings.example.cn`,
      password: 'Youjiang-river-2026',
      organisation: {
        mode: 'create',
        name: role === 'firm' ? '平果铝业深加工有限公司' : '百色学院',
        kind: role === 'firm' ? 'firm' : 'university',
        creditCode: code + creditCodeCheckChar(code),
        county: '右江区',
        location: '百色市',
        contactName: '联系人',
        contactPhone: '0776-2812345',
        contactEmail: `org${n}@listings.example.cn`,
      },
    },
  });
  if (registered.status() !== 201) throw new Error(`registration failed: ${await registered.text()}`);
  const session = (await registered.json()) as Session;
  const bureau = await staffApi(app);
  const verified = await bureau.api.post(`/api/organisations/${session.user?.organisationId}/verification`, {
    data: { decision: 'verified', reason: '' },
    headers: bureau.headers,
  });
  await bureau.api.dispose();
  if (verified.status() !== 200) throw new Error(`verification failed: ${await verified.text()}`);
  return session;
}
