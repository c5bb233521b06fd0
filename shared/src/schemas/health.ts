import { z } from 'zod';

/** How a backing service is provided: started by the app itself, or reached at a configured URL. */
export const SERVICE_MODES = ['embedded', 'external', 'not_configured'] as const;
export const SERVICE_STATES = ['up', 'down', 'starting', 'not_configured'] as const;

export const ServiceHealthSchema = z.object({
  mode: z.enum(SERVICE_MODES),
  state: z.enum(SERVICE_STATES),
  detail: z.string().optional(),
});
export type ServiceHealth = z.infer<typeof ServiceHealthSchema>;

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  services: z.object({
    database: ServiceHealthSchema,
    search: ServiceHealthSchema,
    realtime: ServiceHealthSchema.extend({ connections: z.number().int().nonnegative() }),
  }),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
