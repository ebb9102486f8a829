import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { registerErrorHandling } from './errors.ts';
import { idempotency } from './idempotency.ts';

let database: DatabaseHandle;
let app: FastifyInstance;
let writes = 0;
let release: (() => void) | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  app = Fastify();
  registerErrorHandling(app);
  await app.register(idempotency, { db: database.db, callerOf: (request) => (request.headers['x-caller'] as string | undefined) ?? null });
  app.post('/orders', { config: { idempotent: true } }, async (request, reply) => {
    const body = request.body as { amount: number; slow?: boolean; fail?: boolean };
    if (body.slow) await new Promise<void>((resolve) => (release = resolve));
    if (body.fail) throw new Error('the database went away');
    writes++;
    return reply.code(201).send({ order: writes, amount: body.amount });
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const order = (key: string | undefined, body: object, caller = 'user-1') =>
  app.inject({ method: 'POST', url: '/orders', payload: body, headers: { 'x-caller': caller, ...(key ? { 'idempotency-key': key } : {}) } });

describe('Idempotency-Key', () => {
  it('answers a retry with the first answer and does the work once', async () => {
    const first = await order('k-1', { amount: 100 });
    const retry = await order('k-1', { amount: 100 });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(writes).toBe(1);
  });

  it('refuses the same key with a different body (422), and keeps keys of different callers apart', async () => {
    await order('k-2', { amount: 100 });
    const reused = await order('k-2', { amount: 200 });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
    const otherCaller = await order('k-2', { amount: 200 }, 'user-2');
    expect(otherCaller.statusCode).toBe(201);
  });

  it('answers 409 while the first request with the key still runs', async () => {
    const first = order('k-3', { amount: 1, slow: true });
    await expect.poll(() => release !== undefined).toBe(true);
    const second = await order('k-3', { amount: 1, slow: true });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'idempotency_key_in_progress' });
    release!();
    expect((await first).statusCode).toBe(201);
  });

  it('forgets a server error, so the retry runs again', async () => {
    const failed = await order('k-4', { amount: 5, fail: true });
    expect(failed.statusCode).toBe(500);
    const before = writes;
    const retry = await order('k-4', { amount: 5, fail: true });
    expect(retry.statusCode).toBe(500);
    expect(writes).toBe(before);
    expect(await database.db.selectFrom('http_idempotency').selectAll().where('key', '=', 'k-4').execute()).toEqual([]);
  });

  it('refuses a malformed key, and works without one', async () => {
    expect((await order('x'.repeat(300), { amount: 1 })).statusCode).toBe(400);
    const before = writes;
    await order(undefined, { amount: 1 });
    await order(undefined, { amount: 1 });
    expect(writes).toBe(before + 2);
  });
});
