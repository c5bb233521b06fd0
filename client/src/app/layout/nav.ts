import type { Permission } from '@techmatch/shared';

/** Primary navigation, the same for everyone; features replace their placeholder routes as they land. */
export const NAV_ITEMS = [
  { to: '/', label: 'nav.home' },
  { to: '/achievements', label: 'nav.achievements' },
  { to: '/needs', label: 'nav.needs' },
  { to: '/challenges', label: 'nav.challenges' },
  { to: '/dashboard', label: 'nav.dashboard' },
  { to: '/about', label: 'nav.about' },
] as const;

export interface UserMenuItem {
  to: string;
  label: string;
  /** Shown only to roles with this permission. */
  permission?: Permission;
  /** Shown only to members of an organisation. */
  needsOrganisation?: boolean;
}

/** The signed-in user's menu: their account, their organisation and listings, and the staff desks. */
export const USER_MENU_ITEMS: UserMenuItem[] = [
  { to: '/account', label: 'accounts.menu.account' },
  { to: '/organisation', label: 'accounts.menu.organisation', needsOrganisation: true },
  { to: '/my/listings', label: 'listings.menu.mine', permission: 'listing.edit' },
  { to: '/my/matches', label: 'matches.menu.mine', permission: 'listing.edit' },
  { to: '/my/saved-searches', label: 'savedSearches.menu' },
  { to: '/achievements/new', label: 'listings.menu.newAchievement', permission: 'achievement.create' },
  { to: '/needs/new', label: 'listings.menu.newNeed', permission: 'need.create' },
  { to: '/contracts/new', label: 'contracts.menu.new', permission: 'contract.create' },
  { to: '/inquiries', label: 'inquiries.menu', permission: 'inquiry.open' },
  { to: '/my/applications', label: 'applications.mine', permission: 'application.create' },
  { to: '/notifications', label: 'notifications.title' },
  { to: '/staff/review', label: 'listings.menu.review', permission: 'listing.review' },
  { to: '/contracts', label: 'contracts.menu.list', permission: 'contract.register' },
  { to: '/staff/statistics', label: 'contracts.menu.statistics', permission: 'contract.statistics' },
  { to: '/inquiries', label: 'inquiries.staffMenu', permission: 'inquiry.broker' },
  { to: '/staff/matches', label: 'matches.menu.board', permission: 'match.broker' },
  { to: '/staff/thesaurus', label: 'thesaurus.menu', permission: 'thesaurus.edit' },
  { to: '/staff/verification', label: 'accounts.menu.verification', permission: 'organisation.review' },
  { to: '/admin/users', label: 'accounts.menu.users', permission: 'user.manage' },
  { to: '/staff/audit', label: 'accounts.menu.audit', permission: 'audit.read' },
];
