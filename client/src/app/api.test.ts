import { AttachmentSchema, DEFAULT_LOCALE, HealthResponseSchema } from '@techmatch/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken } from './api.js';
import { setLocale } from './i18n/index.js';

function respondWith(status: number, body: unknown) {
  return vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status })));
}

const healthy = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 3,
  services: {
    database: { mode: 'embedded', state: 'up' },
    search: { mode: 'embedded', state: 'up' },
    realtime: { mode: 'embedded', state: 'up', connections: 1 },
  },
};

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale(DEFAULT_LOCALE);
  });

  it('returns the parsed body and sends the UI language', async () => {
    const fetchMock = respondWith(200, healthy);
    vi.stubGlobal('fetch', fetchMock);
    setLocale('en');
    const health = await api.get('/health', HealthResponseSchema);
    expect(health.services.realtime.connections).toBe(1);
    const init = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init[0]).toBe('/api/health');
    expect(init[1].headers).toMatchObject({ 'Accept-Language': 'en' });
  });

  it('turns the server error shape into an ApiError with its stable code', async () => {
    vi.stubGlobal('fetch', respondWith(404, { error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在。' } }));
    await expect(api.get('/nope', HealthResponseSchema)).rejects.toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      status: 404,
    });
  });

  it('reports a response that does not match the shared schema instead of passing it on', async () => {
    vi.stubGlobal('fetch', respondWith(200, { status: 'ok' }));
    const error = await api.get('/health', HealthResponseSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_RESPONSE');
  });

  it('reports a network failure as NETWORK', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/health', HealthResponseSchema)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('sends a file as multipart with the CSRF token, letting the browser set the boundary', async () => {
    const attachment = {
      id: 'c'.repeat(24),
      filename: '检测报告.pdf',
      contentType: 'application/pdf',
      size: 5,
    };
    const fetchMock = respondWith(201, attachment);
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');
    const form = new FormData();
    form.append('file', new File(['%PDF-'], '检测报告.pdf', { type: 'application/pdf' }));
    await expect(api.post('/attachments', AttachmentSchema, form)).resolves.toEqual(attachment);
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.body).toBe(form);
    expect(init.headers).toMatchObject({ 'X-CSRF-Token': 'token-1' });
    expect(init.headers).not.toHaveProperty('Content-Type');
    setCsrfToken(null);
  });
});
