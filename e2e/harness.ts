import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { creditCodeCheckChar, type Session } from '@techmatch/shared';
import {
  chromium,
  request,
  type APIResponse,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';
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

/** Collects a page's console errors and uncaught exceptions (CSP violations among them) into `errors`. */
export const recordErrors = (errors: string[]) => (page: Page) => {
  page.on('console', (msg) => msg.type() === 'error' && errors.push(`${page.url()}: ${msg.text()}`));
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
};

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

/** An API client with a signed-in session: its CSRF token goes with every write. */
export interface SessionApi {
  session: Session;
  get(path: string): Promise<APIResponse>;
  post(path: string, data?: unknown): Promise<APIResponse>;
}

function sessionApi(context: BrowserContext['request'], session: Session): SessionApi {
  const headers = { 'X-CSRF-Token': session.csrfToken ?? '' };
  return {
    session,
    get: (apiPath) => context.get(apiPath),
    post: (apiPath, data) => context.post(apiPath, { data, headers }),
  };
}

async function expectStatus(response: APIResponse, status: number, what: string): Promise<void> {
  if (response.status() !== status) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
}

/** The demo staff account through the API (e.g. to verify organisations or approve listings). */
export async function staffApi(app: RunningApp): Promise<SessionApi & { dispose(): Promise<void> }> {
  const context = await request.newContext({ baseURL: app.url });
  const login = await context.post('/api/auth/login', { data: demoAccount(app, 'staff') });
  await expectStatus(login, 200, 'staff sign-in');
  return { ...sessionApi(context, (await login.json()) as Session), dispose: () => context.dispose() };
}

/**
 * A browser context signed in as a new researcher or firm user whose organisation the bureau has verified.
 * Registration and verification go through the API (the accounts journey covers their UI); `n` keeps the
 * e-mail addresses and credit codes of one app apart.
 */
export async function verifiedMember(
  browser: Browser,
  app: RunningApp,
  role: 'researcher' | 'firm',
  n: number,
): Promise<{ context: BrowserContext; api: SessionApi }> {
  const context = await browser.newContext({ baseURL: app.url });
  const code = `91451000MA${String(8_000_000 + n)}`;
  const registered = await context.request.post('/api/auth/register', {
    data: {
      role,
      name: role === 'firm' ? '陆经理' : '韦教授',
      email: `${role}${n}@members.example.cn`,
      password: 'Youjiang-river-2026',
      organisation: {
        mode: 'create',
        name: role === 'firm' ? `平果铝业深加工有限公司${n}` : `百色学院${n}`,
        kind: role === 'firm' ? 'firm' : 'university',
        creditCode: code + creditCodeCheckChar(code),
        county: '右江区',
        location: '百色市',
        contactName: '联系人',
        contactPhone: '0776-2812345',
        contactEmail: `org${n}@members.example.cn`,
      },
    },
  });
  await expectStatus(registered, 201, `registering a ${role}`);
  const session = (await registered.json()) as Session;
  const bureau = await staffApi(app);
  const verified = await bureau.post(`/api/organisations/${session.user?.organisationId}/verification`, {
    decision: 'verified',
    reason: '',
  });
  await expectStatus(verified, 200, 'verifying the organisation');
  await bureau.dispose();
  return { context, api: sessionApi(context.request, session) };
}
