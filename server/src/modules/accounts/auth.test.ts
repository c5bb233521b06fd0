import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createAccount, signIn, TEST_PASSWORD } from '../../test/clients.js';
import { buildRegistration, joining } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
beforeEach(() => stack.reset());

describe('POST /api/auth/register', () => {
  it('creates a pending organisation and a signed-in user who may draft but whose organisation is unverified', async () => {
    const client = anonymous(stack.app);
    const res = await client.post('/api/auth/register', buildRegistration());
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'firm', membership: 'active', status: 'active' });
    expect(res.body.organisation.verification.status).toBe('pending');
    expect(res.body.joinedExisting).toBe(false);
    expect(res.headers['set-cookie']?.[0]).toMatch(/tm_session=.+; .*HttpOnly/i);
    expect(res.headers['set-cookie']?.[0]).toMatch(/SameSite=Lax/i);
    expect(res.body.user).not.toHaveProperty('passwordHash');

    const session = await client.get('/api/auth/session');
    expect(session.body.user.email).toBe(res.body.user.email);
  });

  it('joins an organisation already registered with the same credit code as a pending member', async () => {
    const first = buildRegistration();
    await anonymous(stack.app).post('/api/auth/register', first);
    const second = joining(first.organisation.creditCode);
    const res = await anonymous(stack.app).post('/api/auth/register', second);
    expect(res.status).toBe(201);
    expect(res.body.joinedExisting).toBe(true);
    expect(res.body.user.membership).toBe('pending');
    expect(res.body.organisation.name).toBe(first.organisation.name);
  });

  it('joins as pending even when a second registrant describes the existing organisation anew', async () => {
    const first = buildRegistration();
    await anonymous(stack.app).post('/api/auth/register', first);
    const res = await anonymous(stack.app).post(
      '/api/auth/register',
      buildRegistration({ organisation: first.organisation }),
    );
    expect(res.body.user.membership).toBe('pending');
    expect(await stack.services.models.organisations.countDocuments()).toBe(1);
  });

  it('refuses to join an organisation that is not on the platform', async () => {
    const res = await anonymous(stack.app).post('/api/auth/register', joining('91350100M000100Y43'));
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].path).toBe('body.organisation.creditCode');
  });

  it('answers a duplicate e-mail with 409 EMAIL_TAKEN and leaves no second organisation behind', async () => {
    const first = buildRegistration();
    await anonymous(stack.app).post('/api/auth/register', first);
    const again = buildRegistration({ email: first.email.toUpperCase() });
    const res = await anonymous(stack.app).post('/api/auth/register', again);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
    expect(await stack.services.models.organisations.countDocuments()).toBe(1);
  });

  it('refuses weak passwords with a message in the caller’s language', async () => {
    for (const password of ['short1', 'onlyletterspassword', 'password123', 'applicant-12345']) {
      const registration = buildRegistration({ password, email: 'applicant-12345@x.cn' });
      const res = await anonymous(stack.app).post('/api/auth/register', registration);
      expect(res.status, password).toBe(400);
      const issue = res.body.error.details.issues.find((i: { path: string }) => i.path === 'body.password');
      expect(issue.message, password).toMatch(/[\u4e00-\u9fff]/);
    }
    const en = await request(stack.app)
      .post('/api/auth/register')
      .set('Accept-Language', 'en')
      .send(buildRegistration({ password: 'short1' }));
    expect(en.body.error.details.issues[0].message).toBe('password must be 10–128 characters long');
  });

  it('refuses an invalid credit code and an unknown county', async () => {
    const registration = buildRegistration();
    const res = await anonymous(stack.app).post('/api/auth/register', {
      ...registration,
      organisation: { ...registration.organisation, creditCode: '91451000MA0000001X', county: '南宁市' },
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['body.organisation.county', 'body.organisation.creditCode']);
  });

  it('refuses a researcher registering a firm', async () => {
    const res = await anonymous(stack.app).post('/api/auth/register', {
      ...buildRegistration(),
      role: 'researcher',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.organisation.kind',
    ]);
  });

  it('refuses oversize fields and self-registration as staff', async () => {
    const res = await anonymous(stack.app).post('/api/auth/register', {
      ...buildRegistration(),
      name: '长'.repeat(5000),
      role: 'staff',
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.role']));
    expect(await stack.services.models.users.countDocuments()).toBe(0);
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password and returns the session with a CSRF token', async () => {
    const account = await createAccount(stack.app, stack.services, { role: 'researcher' });
    const res = await anonymous(stack.app).post('/api/auth/login', {
      email: account.email,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body.csrfToken).toEqual(expect.any(String));
    expect(res.body.permissions).toEqual(expect.arrayContaining(['organisation.update']));
  });

  it('gives the same answer, in similar time, for a wrong password and an unknown e-mail', async () => {
    const account = await createAccount(stack.app, stack.services, { role: 'firm' });
    const time = async (email: string) => {
      const started = performance.now();
      const res = await anonymous(stack.app).post('/api/auth/login', { email, password: 'Wrong-password-1' });
      return { res, ms: performance.now() - started };
    };
    const wrong = await time(account.email);
    const unknown = await time('nobody@example.cn');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(unknown.res.body.error).toEqual({
      ...wrong.res.body.error,
      requestId: unknown.res.body.error.requestId,
    });
    // Both paths run one argon2 verification: an unknown e-mail must not answer markedly faster.
    expect(unknown.ms).toBeGreaterThan(wrong.ms * 0.4);
  });

  it('locks the account after 5 failures, even for the right password, and says for how long', async () => {
    const account = await createAccount(stack.app, stack.services, { role: 'firm' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push(
        (
          await anonymous(stack.app).post('/api/auth/login', {
            email: account.email,
            password: 'Nope-12345678',
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await anonymous(stack.app).post('/api/auth/login', {
      email: account.email,
      password: TEST_PASSWORD,
    });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('is not fooled by NoSQL operators in place of the e-mail or the password', async () => {
    const account = await createAccount(stack.app, stack.services, { role: 'firm' });
    for (const body of [
      { email: { $gt: '' }, password: TEST_PASSWORD },
      { email: account.email, password: { $gt: '' } },
      { email: { $ne: null }, password: { $ne: null } },
    ]) {
      const res = await anonymous(stack.app).post('/api/auth/login', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a disabled account', async () => {
    const account = await createAccount(stack.app, stack.services, { role: 'firm' });
    await stack.services.models.users.updateOne({ email: account.email }, { $set: { status: 'disabled' } });
    const res = await anonymous(stack.app).post('/api/auth/login', {
      email: account.email,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('sessions and CSRF', () => {
  it('refuses a signed-in write without the CSRF token, and accepts it with the token', async () => {
    const { client } = await createAccount(stack.app, stack.services, { role: 'researcher' });
    const withoutToken = await client.agent.patch('/api/me').send({ name: '王研究员' });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const withToken = await client.patch('/api/me', { name: '王研究员' });
    expect(withToken.status).toBe(200);
    expect(withToken.body.user.name).toBe('王研究员');
  });

  it('refuses writes that come from another site', async () => {
    const { client } = await createAccount(stack.app, stack.services, { role: 'researcher' });
    const res = await client.patch('/api/me', { name: '某人' }).set('Origin', 'https://evil.example');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CROSS_SITE_REQUEST');
  });

  it('ends the session on logout', async () => {
    const { client } = await createAccount(stack.app, stack.services, { role: 'firm' });
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await client.get('/api/auth/session')).body.user).toBeNull();
  });

  it('cuts a disabled user’s existing session off at once', async () => {
    const { client, email } = await createAccount(stack.app, stack.services, { role: 'firm' });
    expect((await client.get('/api/me')).status).toBe(200);
    await stack.services.models.users.updateOne({ email }, { $set: { status: 'disabled' } });
    expect((await client.get('/api/me')).status).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  it('changes the password, signs out other sessions and keeps this one', async () => {
    const account = await createAccount(stack.app, stack.services, { role: 'firm' });
    const otherDevice = await signIn(stack.app, account.email);
    const res = await account.client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Brand-new-secret-42',
    });
    expect(res.status).toBe(204);
    expect((await account.client.get('/api/me')).status).toBe(200);
    expect((await otherDevice.get('/api/me')).status).toBe(401);
    await expect(signIn(stack.app, account.email)).rejects.toThrow(/401/);
    await expect(signIn(stack.app, account.email, 'Brand-new-secret-42')).resolves.toBeDefined();
  });

  it('refuses a wrong current password', async () => {
    const { client } = await createAccount(stack.app, stack.services, { role: 'firm' });
    const res = await client.post('/api/auth/password', {
      currentPassword: 'Wrong-one-123',
      newPassword: 'Brand-new-secret-42',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PASSWORD_INCORRECT');
  });
});
