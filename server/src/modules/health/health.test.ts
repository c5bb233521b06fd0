import { HealthResponseSchema } from '@techmatch/shared';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app-harness.js';

describe('GET /api/health', () => {
  it('reports the version and each service state in the shared schema', async () => {
    const res = await request(createTestApp()).get('/api/health');
    expect(res.status).toBe(200);
    const body = HealthResponseSchema.parse(res.body);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.services.database.state).toBe('not_configured');
    expect(body.status).toBe('ok');
  });

  it('reports degraded when a configured service is down', async () => {
    const app = createTestApp({
      health: {
        database: () => Promise.resolve({ mode: 'external', state: 'down', detail: 'connection refused' }),
        search: () => Promise.resolve({ mode: 'external', state: 'up' }),
        realtime: () => ({ mode: 'embedded', state: 'up', connections: 0 }),
      },
    });
    const res = await request(app).get('/api/health');
    expect(res.body.status).toBe('degraded');
    expect(res.body.services.database.detail).toBe('connection refused');
  });
});
