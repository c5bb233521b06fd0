import type { ListingType, Permission } from '@techmatch/shared';
import { createRouter, createWebHistory, type RouteComponent, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../features/accounts/session.store.js';
import HomeView from '../features/home/HomeView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for signed-in users. */
    requiresAuth?: boolean;
    /** Only for users whose role carries this permission (the API checks again). */
    permission?: Permission;
    /** Only for visitors (sign-in, registration). */
    guestOnly?: boolean;
    /** Full-screen, without the site's header and footer (the public dashboard). */
    bare?: boolean;
  }
}

/** Record ids are MongoDB ObjectIds; anything else in their place is a page that does not exist. */
const LISTING_ID = '[0-9a-f]{24}';

/** A listing kind's search, post form, detail page and edit form (`/needs`, `/needs/new`, `/needs/:id`…). */
function listingRoutes(
  type: ListingType,
  createPermission: Permission,
  views: Record<'search' | 'detail' | 'form', RouteComponent>,
): RouteRecordRaw[] {
  const base = `/${type}s`;
  return [
    { path: base, name: `${type}-search`, component: views.search },
    {
      path: `${base}/new`,
      name: `${type}-new`,
      component: views.form,
      meta: { requiresAuth: true, permission: createPermission },
    },
    { path: `${base}/:id(${LISTING_ID})`, name: type, component: views.detail, props: true },
    {
      path: `${base}/:id(${LISTING_ID})/edit`,
      name: `${type}-edit`,
      component: views.form,
      props: true,
      meta: { requiresAuth: true, permission: 'listing.edit' },
    },
  ];
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  ...listingRoutes('achievement', 'achievement.create', {
    search: () => import('../features/achievements/AchievementSearchView.vue'),
    detail: () => import('../features/achievements/AchievementDetailView.vue'),
    form: () => import('../features/achievements/AchievementFormView.vue'),
  }),
  ...listingRoutes('need', 'need.create', {
    search: () => import('../features/needs/NeedSearchView.vue'),
    detail: () => import('../features/needs/NeedDetailView.vue'),
    form: () => import('../features/needs/NeedFormView.vue'),
  }),
  {
    path: '/challenges',
    name: 'challenges',
    component: () => import('../features/needs/NeedSearchView.vue'),
    props: { challenges: true },
  },
  {
    path: '/my/listings',
    name: 'my-listings',
    component: () => import('../features/listings/MyListingsView.vue'),
    meta: { requiresAuth: true, permission: 'listing.edit' },
  },
  {
    path: '/staff/review',
    name: 'review-queue',
    component: () => import('../features/review/ReviewQueueView.vue'),
    meta: { requiresAuth: true, permission: 'listing.review' },
  },
  {
    path: `/needs/:id(${LISTING_ID})/apply`,
    name: 'challenge-apply',
    component: () => import('../features/applications/ApplicationFormView.vue'),
    props: true,
    meta: { requiresAuth: true, permission: 'application.create' },
  },
  {
    path: `/needs/:id(${LISTING_ID})/applications`,
    name: 'challenge-applications',
    component: () => import('../features/applications/ApplicationBoardView.vue'),
    props: true,
    meta: { requiresAuth: true, permission: 'application.decide' },
  },
  {
    path: '/my/applications',
    name: 'my-applications',
    component: () => import('../features/applications/MyApplicationsView.vue'),
    meta: { requiresAuth: true, permission: 'application.create' },
  },
  {
    path: '/inquiries',
    name: 'inquiries',
    component: () => import('../features/inquiries/InquiryListView.vue'),
    meta: { requiresAuth: true, permission: 'inquiry.participate' },
  },
  {
    path: `/inquiries/:id(${LISTING_ID})`,
    name: 'inquiry',
    component: () => import('../features/inquiries/InquiryView.vue'),
    props: true,
    meta: { requiresAuth: true, permission: 'inquiry.participate' },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('../features/notifications/NotificationsView.vue'),
    meta: { requiresAuth: true },
  },
  {
    path: '/my/matches',
    name: 'my-matches',
    component: () => import('../features/matches/MyMatchesView.vue'),
    meta: { requiresAuth: true, permission: 'listing.edit' },
  },
  {
    path: '/my/saved-searches',
    name: 'saved-searches',
    component: () => import('../features/saved-searches/SavedSearchesView.vue'),
    meta: { requiresAuth: true },
  },
  {
    path: '/staff/matches',
    name: 'match-board',
    component: () => import('../features/matches/MatchBoardView.vue'),
    meta: { requiresAuth: true, permission: 'match.broker' },
  },
  {
    path: '/staff/thesaurus',
    name: 'thesaurus',
    component: () => import('../features/thesaurus/ThesaurusView.vue'),
    meta: { requiresAuth: true, permission: 'thesaurus.edit' },
  },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('../features/contracts/DashboardView.vue'),
    meta: { bare: true },
  },
  {
    path: '/contracts',
    name: 'contracts',
    component: () => import('../features/contracts/ContractListView.vue'),
    meta: { requiresAuth: true, permission: 'contract.register' },
  },
  {
    path: '/contracts/new',
    name: 'contract-new',
    component: () => import('../features/contracts/ContractFormView.vue'),
    meta: { requiresAuth: true, permission: 'contract.create' },
  },
  {
    // Where contract notifications link to: the contract in its form (editable while a draft or returned).
    path: `/contracts/:id(${LISTING_ID})`,
    alias: `/contracts/:id(${LISTING_ID})/edit`,
    name: 'contract',
    component: () => import('../features/contracts/ContractFormView.vue'),
    props: true,
    meta: { requiresAuth: true, permission: 'contract.edit' },
  },
  {
    path: '/staff/statistics',
    name: 'contract-statistics',
    component: () => import('../features/contracts/StatisticsView.vue'),
    meta: { requiresAuth: true, permission: 'contract.statistics' },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('../features/accounts/LoginView.vue'),
    meta: { guestOnly: true },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('../features/accounts/RegisterView.vue'),
    meta: { guestOnly: true },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('../features/accounts/ProfileView.vue'),
    meta: { requiresAuth: true },
  },
  {
    path: '/organisation',
    name: 'organisation',
    component: () => import('../features/organisations/MyOrganisationView.vue'),
    meta: { requiresAuth: true },
  },
  {
    path: '/staff/verification',
    name: 'verification-queue',
    component: () => import('../features/organisations/VerificationQueueView.vue'),
    meta: { requiresAuth: true, permission: 'organisation.review' },
  },
  {
    path: '/admin/users',
    name: 'user-admin',
    component: () => import('../features/accounts/UserAdminView.vue'),
    meta: { requiresAuth: true, permission: 'user.manage' },
  },
  {
    path: '/staff/audit',
    name: 'audit-log',
    component: () => import('../features/audit/AuditLogView.vue'),
    meta: { requiresAuth: true, permission: 'audit.read' },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('../ui/MessageView.vue'),
    props: { icon: 'warning', title: 'errors.FORBIDDEN' },
  },
  { path: '/about', name: 'about', component: () => import('../features/about/AboutView.vue') },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../ui/MessageView.vue'),
    props: { icon: 'info', title: 'common.notFound' },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  // Back and forward restore the position; refining a search (same page, new filters) keeps it.
  scrollBehavior: (to, from, saved) => {
    if (saved) return saved;
    if (to.path === from.path && to.query.page === from.query.page) return false;
    return { top: 0 };
  },
});

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.hydrated) await session.hydrate().catch(() => undefined);
  if (to.meta.guestOnly && session.signedIn) return { name: 'home' };
  if (to.meta.requiresAuth && !session.signedIn) return { name: 'login', query: { redirect: to.fullPath } };
  if (to.meta.permission && !session.can(to.meta.permission)) return { name: 'forbidden' };
  return true;
});
