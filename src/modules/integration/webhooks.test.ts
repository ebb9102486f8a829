import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ORIGIN, registerCustomer } from '../../../test/support/identity.ts';
import { createCustomer } from '../../../test/support/parties.ts';
import { signInStaff, type SignedInStaff } from '../../../test/support/staff.ts';
import { runWebhooks } from './delivery-job.ts';
import { publishEvent, type IntegrationEvent } from './events.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A provider's webhook receiver: answers each POST with the next status of `statuses` (the last one repeats). */
async function startReceiver(statuses: number[], options: { hang?: boolean } = {}) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      if (options.hang) return;
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/kabinet`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let t: TestApp;
let admin: SignedInStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInStaff(t.app, t.database.db, 'administrator');
});
afterAll(async () => t?.close());

function backoffice(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>, cookie = admin.cookie) {
  return t.app.inject({ method, url: `/api/v1/backoffice/integration${url}`, headers: { origin: ORIGIN, cookie }, payload });
}

async function createEndpoint(url: string, eventTypes: string[]) {
  const response = await backoffice('POST', '/webhooks', { url, eventTypes, description: 'Биллинг провайдера' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; secret: string };
}

async function publish(event: IntegrationEvent, at: Date) {
  return t.database.db.transaction().execute((trx) => publishEvent(trx, event, at));
}

function verify(secret: string, received: Received): boolean {
  const timestamp = received.headers['kabinet-webhook-timestamp'] as string;
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${received.body}`).digest('hex')}`;
  return received.headers['kabinet-webhook-signature'] === expected;
}

const minutes = (at: Date, count: number) => new Date(at.getTime() + count * 60_000);

describe('webhook delivery', () => {
  it('delivers only subscribed events, signed; retries after a 500 and then delivers once; a second run sends nothing again', async () => {
    const payments = await startReceiver([500, 200]);
    const plans = await startReceiver([204]);
    try {
      const paymentsEndpoint = await createEndpoint(payments.url, ['payment.succeeded', 'payment.failed']);
      expect(paymentsEndpoint.secret).toMatch(/^whsec_/);
      const plansEndpoint = await createEndpoint(plans.url, ['plan.changed']);

      const list = await backoffice('GET', '/webhooks');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(paymentsEndpoint.secret);
      expect(list.json().items.find((item: { id: string }) => item.id === paymentsEndpoint.id)).toMatchObject({ eventTypes: ['payment.succeeded', 'payment.failed'], active: true });

      const at = new Date('2026-11-25T10:00:00Z');
      const customerId = await createCustomer(t.database.db);
      const paymentEvent = await publish({ type: 'payment.succeeded', customerId, data: { paymentId: 'p-1', amount: 150_000 } }, at);
      await publish({ type: 'plan.changed', customerId: null, data: { accountId: 'a-1', plan: 'Турбо' } }, at);
      await publish({ type: 'service.ordered', customerId: null, data: { service: 'ТВ' } }, at);

      const first = await runWebhooks(t.database.db, { now: () => at });
      expect(first).toEqual({ dispatched: 2, delivered: 1, retrying: 1, failed: 0 });
      expect(payments.received).toHaveLength(1);
      expect(plans.received).toHaveLength(1);

      const [attempt] = payments.received;
      expect(attempt!.headers['content-type']).toBe('application/json');
      expect(attempt!.headers['kabinet-webhook-id']).toBe(paymentEvent);
      expect(attempt!.headers['kabinet-webhook-timestamp']).toBe(String(at.getTime() / 1000));
      expect(verify(paymentsEndpoint.secret, attempt!)).toBe(true);
      expect(verify(plansEndpoint.secret, attempt!)).toBe(false);
      expect(JSON.parse(attempt!.body)).toEqual({ id: paymentEvent, type: 'payment.succeeded', createdAt: at.toISOString(), customerId, data: { paymentId: 'p-1', amount: 150_000 } });
      expect(JSON.parse(plans.received[0]!.body).type).toBe('plan.changed');

      // Not due yet: nothing is posted.
      expect(await runWebhooks(t.database.db, { now: () => minutes(at, 0.5) })).toEqual({ dispatched: 0, delivered: 0, retrying: 0, failed: 0 });
      expect(payments.received).toHaveLength(1);

      expect(await runWebhooks(t.database.db, { now: () => minutes(at, 1) })).toEqual({ dispatched: 0, delivered: 1, retrying: 0, failed: 0 });
      expect(payments.received).toHaveLength(2);
      expect(payments.received[1]!.headers['kabinet-webhook-id']).toBe(paymentEvent);
      expect(verify(paymentsEndpoint.secret, payments.received[1]!)).toBe(true);

      // Delivered ones are never sent again.
      expect(await runWebhooks(t.database.db, { now: () => minutes(at, 600) })).toEqual({ dispatched: 0, delivered: 0, retrying: 0, failed: 0 });
      expect(payments.received).toHaveLength(2);
      expect(plans.received).toHaveLength(1);

      const deliveries = await backoffice('GET', `/deliveries?endpointId=${paymentsEndpoint.id}`);
      expect(deliveries.statusCode).toBe(200);
      expect(deliveries.json().items).toEqual([
        expect.objectContaining({ eventId: paymentEvent, eventType: 'payment.succeeded', status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null, nextAttemptAt: null, endpointUrl: payments.url }),
      ]);

      for (const endpoint of [paymentsEndpoint, plansEndpoint]) expect((await backoffice('DELETE', `/webhooks/${endpoint.id}`)).statusCode).toBe(204);
    } finally {
      await payments.close();
      await plans.close();
    }
  });

  it('gives up after a day of failures, and «Отправить заново» tries a failed delivery again', async () => {
    const receiver = await startReceiver([503, 503, 200]);
    try {
      const endpoint = await createEndpoint(receiver.url, ['payment.failed']);
      const at = new Date('2026-11-26T10:00:00Z');
      await publish({ type: 'payment.failed', customerId: null, data: { paymentId: 'p-2' } }, at);
      expect(await runWebhooks(t.database.db, { now: () => at })).toMatchObject({ dispatched: 1, retrying: 1 });
      expect(await runWebhooks(t.database.db, { now: () => minutes(at, 24 * 60 - 1) })).toMatchObject({ failed: 1 });
      expect(await runWebhooks(t.database.db, { now: () => minutes(at, 48 * 60) })).toMatchObject({ delivered: 0, retrying: 0, failed: 0 });
      expect(receiver.received).toHaveLength(2);

      const failed = (await backoffice('GET', `/deliveries?endpointId=${endpoint.id}&status=failed`)).json().items;
      expect(failed).toEqual([expect.objectContaining({ status: 'failed', attempts: 2, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null })]);

      const resent = await backoffice('POST', `/deliveries/${failed[0].id}/retry`);
      expect(resent.statusCode, resent.body).toBe(200);
      expect(resent.json()).toMatchObject({ status: 'pending', attempts: 2 });
      expect((await t.jobs.find('integration.webhooks')).length).toBeGreaterThan(0);
      expect(await runWebhooks(t.database.db)).toMatchObject({ delivered: 1 });
      expect(receiver.received).toHaveLength(3);

      const again = await backoffice('POST', `/deliveries/${failed[0].id}/retry`);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('webhook_delivery_not_failed');
      expect((await backoffice('DELETE', `/webhooks/${endpoint.id}`)).statusCode).toBe(204);
    } finally {
      await receiver.close();
    }
  });

  it('bounds a receiver that does not answer, and leaves a disabled endpoint alone', async () => {
    const silent = await startReceiver([200], { hang: true });
    try {
      const endpoint = await createEndpoint(silent.url, ['service.cancelled']);
      const at = new Date('2026-11-27T10:00:00Z');
      await publish({ type: 'service.cancelled', customerId: null, data: {} }, at);
      expect(await runWebhooks(t.database.db, { now: () => at, timeoutMs: 300 })).toMatchObject({ dispatched: 1, retrying: 1 });
      const [delivery] = (await backoffice('GET', `/deliveries?endpointId=${endpoint.id}`)).json().items;
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'no answer within 300 ms' });

      const disabled = await backoffice('PATCH', `/webhooks/${endpoint.id}`, { active: false });
      expect(disabled.json()).toMatchObject({ active: false });
      await publish({ type: 'service.cancelled', customerId: null, data: {} }, at);
      expect(await runWebhooks(t.database.db, { now: () => minutes(at, 60), timeoutMs: 300 })).toEqual({ dispatched: 0, delivered: 0, retrying: 0, failed: 0 });
      expect(silent.received).toHaveLength(1);
      expect((await backoffice('DELETE', `/webhooks/${endpoint.id}`)).statusCode).toBe(204);
    } finally {
      await silent.close();
    }
  });
});

describe('webhook endpoints in the back office', () => {
  it('refuses a non-http address and unknown events with field errors', async () => {
    const response = await backoffice('POST', '/webhooks', { url: 'ftp://billing.example.ru/hooks', eventTypes: ['payment.refunded'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string; code: string }) => [error.field, error.code])).toEqual([
      ['url', 'invalid_url'],
      ['eventTypes', 'unknown_event_type'],
    ]);
    expect(response.json().errors[0].message).toMatch(/http/);
    expect((await backoffice('POST', '/webhooks', { url: 'https://billing.example.ru/hooks', eventTypes: [] })).statusCode).toBe(400);
    expect((await backoffice('PATCH', '/webhooks/0196b5a0-0000-7000-8000-000000000000', { active: false })).statusCode).toBe(404);
    expect((await backoffice('DELETE', '/webhooks/0196b5a0-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('is for administrators only', async () => {
    const customer = await registerCustomer(t.app, t.database.db);
    const moderator = await signInStaff(t.app, t.database.db, 'moderator');
    for (const cookie of [customer.cookie, moderator.cookie]) {
      expect((await backoffice('GET', '/webhooks', undefined, cookie)).statusCode).toBe(404);
      expect((await backoffice('GET', '/deliveries', undefined, cookie)).statusCode).toBe(404);
      expect((await backoffice('POST', '/webhooks', { url: 'https://x.example.ru', eventTypes: ['plan.changed'] }, cookie)).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/integration/webhooks' })).statusCode).toBe(401);
  });
});
