import { HealthResponseSchema } from '@techmatch/shared';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/stack.js';

const stacks: TestStack[] = [];
afterAll(() => Promise.all(stacks.map((s) => s.close())));
async function appWith(health?: Parameters<typeof startTestStack>[0]) {
  const stack = await startTestStack(health);
  stacks.push(stack);
  return stack.app;
}

describe('GET /api/health', () => {
  it('reports the version and each service state in the shared schema', async () => {
    const res = await request(await appWith()).get('/api/health');
    expect(res.status).toBe(200);
    const body = HealthResponseSchema.parse(res.body);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.services.database).toEqual({ mode: 'embedded', state: 'up' });
    expect(body.status).toBe('ok');
  });

  it('reports degraded when a configured service is down', async () => {
    const app = await appWith({
      health: {
        database: () => Promise.resolve({ mode: 'external', state: 'down', detail: 'connection refused' }),
        search: () => Promise.resolve({ mode: 'external', state: 'up' }),
      },
    });
    const res = await request(app).get('/api/health');
    expect(res.body.status).toBe('degraded');
    expect(res.body.services.database.detail).toBe('connection refused');
  });
});
