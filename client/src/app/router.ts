import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import HomeView from '../features/home/HomeView.vue';

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
  { path: '/login', name: 'login', ...comingSoon('nav.login') },
  { path: '/about', name: 'about', component: () => import('../features/about/AboutView.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', redirect: { name: 'home' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});
