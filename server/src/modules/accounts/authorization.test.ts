import type { Role } from '@techmatch/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createAccount, type TestAccount, type TestClient } from '../../test/clients.js';
import { useTestStack } from '../../test/stack.js';

/**
 * The role × action matrix: for every role (and anonymous callers), which account actions are allowed.
 * `own` = the caller's own organisation, `other` = somebody else's.
 */
const stack = useTestStack();
const accounts = {} as Record<Role, TestAccount>;
let otherFirm: TestAccount;
let pendingMember: TestAccount;

beforeAll(async () => {
  for (const role of ['researcher', 'firm', 'staff', 'admin'] as const) {
    accounts[role] = await createAccount(stack.app, stack.services, { role });
  }
  otherFirm = await createAccount(stack.app, stack.services, { role: 'firm' });
  pendingMember = await createAccount(stack.app, stack.services, {
    role: 'firm',
    organisation: { id: otherFirm.organisationId ?? '' },
    membership: 'pending',
  });
});

type Caller = Role | 'anonymous';
const client = (caller: Caller): TestClient =>
  caller === 'anonymous' ? anonymous(stack.app) : accounts[caller].client;
const ownOrganisation = (caller: Caller) =>
  caller === 'anonymous' || !accounts[caller].organisationId
    ? otherFirm.organisationId
    : accounts[caller].organisationId;

interface Case {
  action: string;
  call: (caller: Caller) => ReturnType<TestClient['get']>;
  expected: Record<Caller, number>;
}

const cases: Case[] = [
  {
    action: 'list organisations for review',
    call: (caller) => client(caller).get('/api/organisations?status=pending'),
    expected: { anonymous: 401, researcher: 403, firm: 403, staff: 200, admin: 200 },
  },
  {
    action: 'verify an organisation',
    call: (caller) =>
      client(caller).post(`/api/organisations/${otherFirm.organisationId}/verification`, {
        decision: 'rejected',
        reason: '营业执照信息不一致',
      }),
    expected: { anonymous: 401, researcher: 403, firm: 403, staff: 200, admin: 409 },
  },
  {
    action: 'edit its own organisation',
    call: (caller) =>
      client(caller).patch(`/api/organisations/${ownOrganisation(caller)}`, { description: '简介' }),
    expected: { anonymous: 401, researcher: 200, firm: 200, staff: 200, admin: 200 },
  },
  {
    action: 'edit another firm’s organisation',
    call: (caller) =>
      client(caller).patch(`/api/organisations/${otherFirm.organisationId}`, { contactName: '冒名者' }),
    expected: { anonymous: 401, researcher: 403, firm: 403, staff: 200, admin: 200 },
  },
  {
    action: 'see another organisation’s private details',
    call: (caller) => client(caller).get(`/api/organisations/${otherFirm.organisationId}/details`),
    expected: { anonymous: 401, researcher: 403, firm: 403, staff: 200, admin: 200 },
  },
  {
    action: 'approve a member of another organisation',
    call: (caller) =>
      client(caller).post(
        `/api/organisations/${otherFirm.organisationId}/members/${pendingMember.userId}/decision`,
        {
          decision: 'active',
        },
      ),
    // Staff approves first; the admin then finds nothing pending.
    expected: { anonymous: 401, researcher: 403, firm: 403, staff: 200, admin: 409 },
  },
  {
    action: 'list users',
    call: (caller) => client(caller).get('/api/users'),
    expected: { anonymous: 401, researcher: 403, firm: 403, staff: 403, admin: 200 },
  },
  {
    action: 'change a user’s role',
    call: (caller) =>
      client(caller).patch(`/api/users/${otherFirm.userId}`, { role: 'firm', status: 'active' }),
    expected: { anonymous: 401, researcher: 403, firm: 403, staff: 403, admin: 200 },
  },
  {
    action: 'read the audit log',
    call: (caller) => client(caller).get('/api/audit'),
    expected: { anonymous: 401, researcher: 403, firm: 403, staff: 200, admin: 200 },
  },
];

const callers: Caller[] = ['anonymous', 'researcher', 'firm', 'staff', 'admin'];

describe.each(cases)('$action', ({ call, expected }) => {
  it.each(callers)('as %s', async (caller) => {
    const res = await call(caller);
    expect(res.status, JSON.stringify(res.body)).toBe(expected[caller]);
    if (res.status === 401) expect(res.body.error.code).toBe('UNAUTHENTICATED');
    if (res.status === 403) expect(res.body.error.code).toBe('FORBIDDEN');
  });
});
