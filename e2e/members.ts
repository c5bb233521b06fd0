import { creditCodeCheckChar, type Session } from '@techmatch/shared';
import { expect } from 'vitest';
import { request, type APIRequestContext, type Browser, type BrowserContext } from 'playwright-core';
import { demoAccount, type RunningApp } from './harness.js';

/** A signed-in API client: the session cookie in its context, the CSRF token sent with every write. */
export interface ApiClient {
  get(path: string): Promise<unknown>;
  post(path: string, data?: unknown): Promise<unknown>;
}

function apiClient(context: APIRequestContext, baseUrl: string, csrfToken: string): ApiClient {
  const call = async (method: 'GET' | 'POST', path: string, data?: unknown) => {
    const res = await context.fetch(`${baseUrl}/api${path}`, {
      method,
      data,
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken },
    });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
    return res.status() === 204 ? undefined : res.json();
  };
  return { get: (path) => call('GET', path), post: (path, data) => call('POST', path, data) };
}

/** The bureau's demo staff account, signed in over the API. */
export async function staffApi(app: RunningApp): Promise<ApiClient> {
  const context = await request.newContext({ baseURL: app.url });
  const login = await context.post('/api/auth/login', { data: demoAccount(app, 'staff') });
  const { csrfToken } = (await login.json()) as Session;
  return apiClient(context, app.url, csrfToken ?? '');
}

export interface Member {
  /** The browser context holding the member's session. */
  context: BrowserContext;
  api: ApiClient;
  /** What the member types into the login page, for a journey that signs in as a user would. */
  account: { email: string; password: string };
}

/**
 * A researcher or firm user whose organisation the bureau has verified, registered and verified through the API
 * (the accounts journey covers that UI); `n` keeps e-mails and credit codes unique within one app.
 */
export async function verifiedMember(
  app: RunningApp,
  browser: Browser,
  role: 'researcher' | 'firm',
  n: number,
): Promise<Member> {
  const context = await browser.newContext();
  const code = `91451000MA${String(8_000_000 + n)}`;
  const account = { email: `${role}${n}@e2e.example.cn`, password: 'Youjiang-river-2026' };
  const registered = await context.request.post(`${app.url}/api/auth/register`, {
    data: {
      role,
      name: role === 'firm' ? '陆经理' : '韦教授',
      ...account,
      organisation: {
        mode: 'create',
        name: role === 'firm' ? '平果铝业深加工有限公司' : '百色学院',
        kind: role === 'firm' ? 'firm' : 'university',
        creditCode: code + creditCodeCheckChar(code),
        county: '右江区',
        location: '百色市',
        contactName: '联系人',
        contactPhone: '0776-2812345',
        contactEmail: `org${n}@e2e.example.cn`,
      },
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { user, csrfToken } = (await registered.json()) as Session;
  const staff = await staffApi(app);
  await staff.post(`/organisations/${user?.organisationId}/verification`, {
    decision: 'verified',
    reason: '',
  });
  return { context, api: apiClient(context.request, app.url, csrfToken ?? ''), account };
}

/** Posts, submits and has the bureau approve a listing, as its owner would through the forms; its id. */
export async function publishedListing(
  staff: ApiClient,
  owner: Member,
  kind: 'achievements' | 'needs',
  input: object,
): Promise<string> {
  const { id } = (await owner.api.post(`/${kind}`, input)) as { id: string };
  await owner.api.post(`/${kind}/${id}/submit`);
  await staff.post(`/${kind}/${id}/review`, { decision: 'published' });
  return id;
}
