import type { Permission } from '@techmatch/shared';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
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
  }
}

const comingSoon = (feature: string) => ({
  component: () => import('../ui/ComingSoonView.vue'),
  props: { feature },
});

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/achievements', name: 'achievements', ...comingSoon('nav.achievements') },
  { path: '/needs', name: 'needs', ...comingSoon('nav.needs') },
  { path: '/challenges', name: 'challenges', ...comingSoon('nav.challenges') },
  { path: '/dashboard', name: 'dashboard', ...comingSoon('nav.dashboard') },
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
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.hydrated) await session.hydrate().catch(() => undefined);
  if (to.meta.guestOnly && session.signedIn) return { name: 'home' };
  if (to.meta.requiresAuth && !session.signedIn) return { name: 'login', query: { redirect: to.fullPath } };
  if (to.meta.permission && !session.can(to.meta.permission)) return { name: 'forbidden' };
  return true;
});
