import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('health', () => {
  it('answers /healthz from the process alone', async () => {
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz when the database answers and migrations are applied', async () => {
    const response = await t.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
  });

  it('publishes Prometheus metrics including request durations', async () => {
    await t.app.inject({ url: '/healthz' });
    const response = await t.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('http_request_duration_seconds_bucket');
    expect(response.body).toContain('process_resident_memory_bytes');
  });
});

describe('problem responses', () => {
  it('answers an unknown API route with problem+json in Russian by default', async () => {
    const response = await t.app.inject({ url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, code: 'route_not_found', title: 'Такого адреса нет.' });
  });

  it('answers in English when the caller prefers it', async () => {
    const response = await t.app.inject({ url: '/api/v1/no-such-thing', headers: { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' } });
    expect(response.json()).toMatchObject({ code: 'route_not_found', title: 'There is no such address.' });
    expect(response.headers['content-language']).toBe('en');
  });

  it('keeps an incoming request id and returns one always', async () => {
    const kept = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-42.abc' } });
    expect(kept.headers['x-request-id']).toBe('lb-42.abc');
    const fresh = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers', () => {
  it('sends CSP with frame-ancestors none, nosniff and a referrer policy; no HSTS over http', async () => {
    const response = await t.app.inject({ url: '/api/v1/settings/public' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when the public URL is https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://lk.example.ru' });
    try {
      const response = await secure.app.inject({ url: '/healthz' });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await secure.close();
    }
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document with the module routes and the problem schema', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/v1/settings/public'].get.operationId).toBe('getPublicSettings');
    expect(document.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'code']);
    expect(Object.keys(document.paths)).not.toContain('/healthz');
  });

  it('serves the docs UI', async () => {
    const response = await t.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('getPublicSettings', () => {
  it("returns the provider's name, contacts and time zone", async () => {
    const response = await t.app.inject({ url: '/api/v1/settings/public' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      name: 'Кабинет',
      logoUrl: null,
      supportPhones: [],
      supportEmail: null,
      supportHours: null,
      timeZone: 'Europe/Moscow',
    });
  });
});
