import type { ServiceHealth } from '@techmatch/shared';

/** Reports the live state of one backing service; must not throw. */
export type ServiceProbe = () => Promise<ServiceHealth>;

export interface HealthProbes {
  database: ServiceProbe;
  search: ServiceProbe;
  realtime: () => ServiceHealth & { connections: number };
}
