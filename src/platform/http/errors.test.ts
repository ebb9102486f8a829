import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, registerErrorHandling } from './errors.ts';

const app = Fastify({ logger: false, bodyLimit: 1024, ajv: { customOptions: { allErrors: true } } }).withTypeProvider<TypeBoxTypeProvider>();

beforeAll(async () => {
  registerErrorHandling(app);
  app.post(
    '/probe',
    { schema: { body: Type.Object({ name: Type.String({ minLength: 2 }), age: Type.Integer({ minimum: 18 }) }) } },
    async () => ({ ok: true }),
  );
  app.get('/domain', async () => {
    throw new AppError('not_found', 404, { detail: 'invoice 7' });
  });
  app.get('/crash', async () => {
    throw new Error('secret internals');
  });
  app.get('/database-down', async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  await app.ready();
});
afterAll(() => app.close());

describe('registerErrorHandling', () => {
  it('reports every invalid field with a localized message and code', async () => {
    const response = await app.inject({ method: 'POST', url: '/probe', payload: { name: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'validation_failed', title: 'Проверьте введённые данные.' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'minLength', message: 'Не короче 2 символов.' },
        { field: 'age', code: 'required', message: 'Обязательное поле.' },
      ]),
    );
  });

  it('localizes field messages to English', async () => {
    const response = await app.inject({ method: 'POST', url: '/probe', payload: { name: 'Ян', age: 3 }, headers: { 'accept-language': 'en' } });
    expect(response.json().errors).toEqual([{ field: 'age', code: 'minimum', message: 'At least 18.' }]);
  });

  it('maps a domain error to its status, code and detail', async () => {
    const response = await app.inject({ url: '/domain' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found', detail: 'invoice 7', title: 'Не найдено.' });
  });

  it('hides the internals of an unexpected failure', async () => {
    const response = await app.inject({ url: '/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal_error' });
    expect(response.body).not.toContain('secret');
  });

  it('answers 503 with Retry-After when the database is unreachable', async () => {
    const response = await app.inject({ url: '/database-down' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json().code).toBe('database_unavailable');
  });

  it('refuses a body over the limit and a malformed body with stable codes', async () => {
    const large = await app.inject({ method: 'POST', url: '/probe', payload: { name: 'x'.repeat(2000), age: 20 } });
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('payload_too_large');
    const malformed = await app.inject({ method: 'POST', url: '/probe', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_body');
  });
});
