import { randomBytes } from 'node:crypto';
import type { Role } from '@techmatch/shared';
import { hashPassword } from './password.js';
import type { UserModel } from './user.model.js';

export interface Credentials {
  role: Role;
  email: string;
  name: string;
  password: string;
}

/** A random password that satisfies the policy (letters and digits, 20 characters). */
export function generatePassword(): string {
  return `Tm${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}7`;
}

export async function createUserAccount(
  users: UserModel,
  account: { role: Role; email: string; name: string; password: string; organisationId?: string | null },
): Promise<void> {
  await users.create({
    email: account.email,
    name: account.name,
    role: account.role,
    organisationId: account.organisationId ?? null,
    passwordHash: await hashPassword(account.password),
  });
}

/** The bureau's own demo accounts, created with fresh random passwords on an empty database. */
export async function seedBureauAccounts(users: UserModel): Promise<Credentials[]> {
  const accounts: Credentials[] = [
    { role: 'admin', email: 'admin@demo.techmatch.cn', name: '平台管理员', password: generatePassword() },
    { role: 'staff', email: 'staff@demo.techmatch.cn', name: '科技局工作人员', password: generatePassword() },
  ];
  for (const account of accounts) await createUserAccount(users, account);
  return accounts;
}
