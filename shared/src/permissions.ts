import type { Role } from './enums.js';

/**
 * Which roles may attempt each action. The server adds object-level rules on top (a firm user edits only its
 * own organisation's needs); the client uses this table to show only the actions a user may try.
 */
export const PERMISSIONS = {
  'organisation.review': ['staff', 'admin'],
  'organisation.list': ['staff', 'admin'],
  'organisation.update': ['researcher', 'firm', 'staff', 'admin'],
  'membership.review': ['researcher', 'firm', 'staff', 'admin'],
  'user.manage': ['admin'],
  'audit.read': ['staff', 'admin'],
  'achievement.create': ['researcher'],
  'need.create': ['firm'],
  'listing.edit': ['researcher', 'firm'],
  'listing.close': ['researcher', 'firm', 'staff', 'admin'],
  'listing.review': ['staff', 'admin'],
  'contract.create': ['researcher', 'firm', 'staff', 'admin'],
  'contract.edit': ['researcher', 'firm', 'staff', 'admin'],
  'contract.register': ['staff', 'admin'],
  'contract.statistics': ['staff', 'admin'],
  'target.edit': ['admin'],
  'thesaurus.edit': ['staff', 'admin'],
  'match.broker': ['staff', 'admin'],
  'inquiry.open': ['researcher', 'firm'],
  'inquiry.participate': ['researcher', 'firm', 'staff', 'admin'],
  'inquiry.decide': ['researcher', 'firm'],
  'inquiry.broker': ['staff', 'admin'],
  'application.create': ['researcher'],
  'application.decide': ['firm'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleHasPermission(role, p));
}
