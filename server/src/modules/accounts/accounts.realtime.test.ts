import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClientToServerEvents, ServerToClientEvents } from '@techmatch/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server.js';
import { TEST_PASSWORD } from '../../test/clients.js';
import { silentLogger, testConfig } from '../../test/stack.js';
import { hashPassword } from './password.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(
    testConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'accounts-rt-')) }),
    silentLogger,
  );
});
afterAll(() => server.close());

async function createUser(role: 'admin' | 'firm', email: string) {
  const user = await server.services.models.users.create({
    email,
    passwordHash: await hashPassword(TEST_PASSWORD),
    name: role === 'admin' ? '管理员' : '企业用户',
    role,
  });
  return user._id.toHexString();
}

async function login(email: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

function connect(cookie: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie } });
  return new Promise((resolve, reject) => {
    socket.once('system:welcome', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('Socket.IO sessions', () => {
  it('disconnects a user’s sockets the moment an admin disables the account', async () => {
    await createUser('admin', 'admin-rt@example.cn');
    const firmId = await createUser('firm', 'firm-rt@example.cn');
    const admin = await login('admin-rt@example.cn');
    const firm = await login('firm-rt@example.cn');
    const socket = await connect(firm.cookie);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const res = await fetch(`${server.url}/api/users/${firmId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
      body: JSON.stringify({ status: 'disabled' }),
    });
    expect(res.status).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('delivers account events to the signed-in user’s room only', async () => {
    const adminId = await createUser('admin', 'admin-rt2@example.cn');
    const firmId = await createUser('firm', 'firm-rt2@example.cn');
    await createUser('firm', 'bystander@example.cn');
    const firm = await connect((await login('firm-rt2@example.cn')).cookie);
    const bystander = await connect((await login('bystander@example.cn')).cookie);
    const received: string[] = [];
    firm.on('account:changed', () => received.push('firm'));
    bystander.on('account:changed', () => received.push('bystander'));

    const adminCtx = {
      actor: {
        id: adminId,
        name: '管理员',
        role: 'admin' as const,
        organisationId: null,
        membership: 'active' as const,
        organisationVerified: false,
        sessionId: 'test',
      },
      requestId: null,
      ip: null,
    };
    await server.services.users.update(adminCtx, firmId, { role: 'staff' });
    await expect.poll(() => received).toEqual(['firm']);
    firm.disconnect();
    bystander.disconnect();
  });
});
