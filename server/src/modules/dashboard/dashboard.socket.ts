import { DashboardJoinSchema, ROOMS, todayInChina, yearOf } from '@techmatch/shared';
import type { Logger } from '../../platform/logger.js';
import type { RealtimeServer } from '../../platform/realtime.js';
import type { DashboardService } from './dashboard.service.js';

/**
 * The public dashboard over Socket.IO: any socket, signed in or not, may join the `dashboard` room; the reply
 * carries the year's snapshot, and every later change arrives as `dashboard:snapshot` / `dashboard:feed`.
 */
export function registerDashboardSocket(
  io: RealtimeServer,
  dashboard: DashboardService,
  logger: Logger,
): void {
  io.on('connection', (socket) => {
    socket.on('dashboard:join', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = DashboardJoinSchema.safeParse(payload ?? {});
      if (!parsed.success) return reply({ ok: false, code: 'VALIDATION_FAILED' });
      void socket.join(ROOMS.dashboard);
      dashboard.snapshot(parsed.data.year ?? yearOf(todayInChina())).then(
        (snapshot) => reply({ ok: true, snapshot }),
        (error: unknown) => {
          logger.error({ err: error }, 'dashboard snapshot failed');
          reply({ ok: false, code: 'INTERNAL' });
        },
      );
    });
    socket.on('dashboard:leave', () => void socket.leave(ROOMS.dashboard));
  });
}
