import type { Role } from '@techmatch/shared';
import type { Express } from 'express';
import { Types } from 'mongoose';
import request from 'supertest';
import { hashPassword } from '../modules/accounts/password.js';
import type { Services } from '../services.js';
import { validCreditCode } from './factories.js';

export const TEST_PASSWORD = 'Baise-matching-2026';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A signed-in browser: keeps the session cookie and sends the CSRF token on every write. */
export class TestClient {
  constructor(
    readonly agent: ReturnType<typeof request.agent>,
    readonly csrfToken: string | null,
    readonly userId: string | null,
    /** The session cookie (`name=value`), for a Socket.IO client of the same user. */
    readonly cookie: string | null = null,
  ) {}

  private call(method: Method, path: string) {
    const req = this.agent[method](path);
    return this.csrfToken && method !== 'get' ? req.set('X-CSRF-Token', this.csrfToken) : req;
  }

  get = (path: string) => this.call('get', path);
  post = (path: string, body?: object) => this.call('post', path).send(body);
  put = (path: string, body?: object) => this.call('put', path).send(body);
  patch = (path: string, body?: object) => this.call('patch', path).send(body);
  delete = (path: string) => this.call('delete', path);
}

/** A target of test requests: the Express app in-process, or the URL of a running server process. */
export type Target = Express | string;

export function anonymous(app: Target): TestClient {
  return new TestClient(request.agent(app), null, null);
}

export async function signIn(app: Target, email: string, password = TEST_PASSWORD): Promise<TestClient> {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = ([res.headers['set-cookie']].flat()[0] ?? '').split(';')[0] ?? null;
  return new TestClient(agent, res.body.csrfToken as string, res.body.user.id as string, cookie);
}

interface AccountOptions {
  role: Role;
  organisation?: 'verified' | 'pending' | 'rejected' | { id: string };
  membership?: 'active' | 'pending';
  email?: string;
}

export interface TestAccount {
  userId: string;
  organisationId: string | null;
  email: string;
  client: TestClient;
}

let sequence = 0;

/** Creates a user (and, for researchers and firms, an organisation) straight in the database, then signs in. */
export async function createAccount(
  app: Express,
  services: Services,
  options: AccountOptions,
): Promise<TestAccount> {
  sequence += 1;
  const email = options.email ?? `${options.role}${sequence}@example.cn`;
  let organisationId: string | null = null;
  if (options.organisation && typeof options.organisation === 'object') {
    organisationId = options.organisation.id;
  } else if (options.role === 'researcher' || options.role === 'firm') {
    const org = await services.models.organisations.create({
      name: `${options.role === 'firm' ? '百色测试企业' : '测试大学'}${sequence}`,
      kind: options.role === 'firm' ? 'firm' : 'university',
      creditCode: validCreditCode(sequence),
      county: '右江区',
      contactName: '张三',
      contactPhone: '13800000000',
      contactEmail: email,
      verification: { status: options.organisation ?? 'verified' },
    });
    organisationId = org._id.toHexString();
  }
  const user = await services.models.users.create({
    _id: new Types.ObjectId(),
    email,
    passwordHash: await hashPassword(TEST_PASSWORD),
    name: `测试用户${sequence}`,
    role: options.role,
    organisationId,
    membership: options.membership ?? 'active',
  });
  return { userId: user._id.toHexString(), organisationId, email, client: await signIn(app, email) };
}
