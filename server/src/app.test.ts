import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestStack, useTestStack, type TestStack } from './test/stack.js';

const stack = useTestStack();

describe('API error shape', () => {
  const app = () => stack.app;

  it('answers malformed JSON with 400 MALFORMED_JSON, not an HTML stack trace', async () => {
    const res = await request(app())
      .post('/api/health')
      .set('Content-Type', 'application/json')
      .send('{"a":');
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/json');
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    expect(res.text).not.toContain('at ');
  });

  it('answers a 2 MB body with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) });
    const res = await request(app()).post('/api/anything').set('Content-Type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await request(app()).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('speaks Chinese by default and English when the client prefers it', async () => {
    const zh = await request(app()).get('/api/nope');
    const en = await request(app()).get('/api/nope').set('Accept-Language', 'en-US,en;q=0.9');
    expect(zh.body.error.message).toBe('接口不存在。');
    expect(en.body.error.message).toBe('No such API route.');
  });

  it('echoes a well-formed request id and generates one otherwise', async () => {
    const given = await request(app()).get('/api/nope').set('X-Request-Id', 'trace-42');
    expect(given.headers['x-request-id']).toBe('trace-42');
    expect(given.body.error.requestId).toBe('trace-42');
    const generated = await request(app()).get('/api/nope').set('X-Request-Id', '<script>');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers', () => {
  const app = () => stack.app;
  it('sends a content security policy that forbids inline scripts and framing', async () => {
    const res = await request(app()).get('/api/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('web client', () => {
  const stacks: TestStack[] = [];
  afterAll(() => Promise.all(stacks.map((s) => s.close())));
  async function appServing(dist: string) {
    const served = await startTestStack({ config: { CLIENT_DIST: dist } });
    stacks.push(served);
    return served.app;
  }

  it('serves index.html for client-side routes (history fallback) but not for API routes', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'client-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>百色</title>');
    const app = await appServing(dist);
    const page = await request(app).get('/achievements/123').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('百色');
    const api = await request(app).get('/api/no-such-resource/123');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('explains that the client must be built when it is missing', async () => {
    const res = await request(await appServing(path.join(tmpdir(), 'no-such-dist'))).get('/');
    expect(res.status).toBe(503);
    expect(res.text).toContain('npm run build');
  });
});
