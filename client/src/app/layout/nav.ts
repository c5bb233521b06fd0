/** Primary navigation; features replace their placeholder routes as they land. */
export const NAV_ITEMS = [
  { to: '/', label: 'nav.home' },
  { to: '/achievements', label: 'nav.achievements' },
  { to: '/needs', label: 'nav.needs' },
  { to: '/challenges', label: 'nav.challenges' },
  { to: '/dashboard', label: 'nav.dashboard' },
  { to: '/about', label: 'nav.about' },
] as const;
