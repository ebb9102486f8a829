import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHolder, post } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ORIGIN } from '../../../test/support/identity.ts';
import { startPayment } from '../../../test/support/payments.ts';
import { getBalance, verifyLedger } from '../accounts/index.ts';
import type { MemberRole } from '../parties/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const payer = (role: MemberRole = 'head') => accountHolder(t.app, t.database.db, { role, blockThreshold: 0 });

type Payer = Awaited<ReturnType<typeof payer>>;

const pay = (who: Payer, amount: number, headers?: Record<string, string>) => startPayment(t.app, who, amount, headers);

function testGateway(action: 'pay' | 'cancel', confirmationUrl: string) {
  const id = new URL(confirmationUrl).pathname.split('/').pop()!;
  return t.app.inject({ method: 'POST', url: `/api/v1/test-gateway/payments/${id}/${action}`, headers: { origin: ORIGIN } });
}

async function entriesOf(paymentId: string) {
  return t.database.db.selectFrom('accounts_ledger_entry').selectAll().where('external_id', '=', `payment:${paymentId}`).execute();
}

describe('paying an account through the built-in test gateway', () => {
  it('creates a pending payment, sends the payer to the test page, and credits the account once when paid', async () => {
    const who = await payer();
    await post(t.database.db, who, { kind: 'charge', amount: -75_000 });
    const created = await pay(who, 75_000);
    expect(created.statusCode).toBe(201);
    const payment = created.json();
    expect(payment).toMatchObject({ accountId: who.accountId, amount: 75_000, status: 'pending', gateway: 'test', invoiceId: null });
    expect(payment.confirmationUrl).toMatch(/^http:\/\/127\.0\.0\.1:3000\/pay\/test\/[0-9a-f-]{36}$/);

    const id = new URL(payment.confirmationUrl).pathname.split('/').pop()!;
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/test-gateway/payments/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ amount: 75_000, status: 'pending', providerName: expect.any(String) });
    expect(page.json().returnUrl).toBe(`http://127.0.0.1:3000/accounts/${who.accountId}?payment=${payment.id}`);

    const paid = await testGateway('pay', payment.confirmationUrl);
    expect(paid.statusCode).toBe(200);
    expect(paid.json().status).toBe('succeeded');
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(0);

    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${who.customerId}/accounts/${who.accountId}/payments/${payment.id}`, headers: { cookie: who.cookie } });
    expect(shown.json()).toMatchObject({ status: 'succeeded', confirmationUrl: null });
    expect(shown.json().settledAt).toEqual(expect.any(String));

    // The page pressed again, and the same notification delivered twice more: still one entry.
    expect((await testGateway('pay', payment.confirmationUrl)).json().status).toBe('succeeded');
    const notification = { type: 'notification', event: 'payment.succeeded', object: { id } };
    for (let i = 0; i < 2; i++) {
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/payments/notifications', payload: notification });
      expect(again.json()).toEqual({ outcome: 'unchanged' });
    }
    const entries = await entriesOf(payment.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'payment', amount: 75_000, source: 'gateway:test' });
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(0);

    const events = await t.database.db.selectFrom('integration_event').selectAll().where('customer_id', '=', who.customerId).execute();
    expect(events.filter((event) => event.type === 'payment.succeeded')).toHaveLength(1);
    expect(events.find((event) => event.type === 'payment.succeeded')!.data).toMatchObject({ paymentId: payment.id, amount: 75_000, accountNumber: who.number });
    const audit = await t.database.db.selectFrom('audit_event').select('event').where('subject_id', '=', who.customerId).execute();
    expect(audit.map((row) => row.event)).toEqual(expect.arrayContaining(['payment.created', 'payment.succeeded']));
    // Paying the debt lifted the debt block.
    const blocks = await t.database.db.selectFrom('accounts_block').select('ended_at').where('customer_id', '=', who.customerId).execute();
    expect(blocks.every((block) => block.ended_at !== null)).toBe(true);
  });

  it('records a cancelled payment and credits nothing', async () => {
    const who = await payer();
    const payment = (await pay(who, 10_000)).json();
    const canceled = await testGateway('cancel', payment.confirmationUrl);
    expect(canceled.json().status).toBe('canceled');
    // Paying a cancelled payment afterwards changes nothing at the gateway or here.
    expect((await testGateway('pay', payment.confirmationUrl)).json().status).toBe('canceled');
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${who.customerId}/accounts/${who.accountId}/payments`, headers: { cookie: who.cookie } });
    expect(list.json().items).toEqual([expect.objectContaining({ id: payment.id, status: 'canceled' })]);
    expect(await entriesOf(payment.id)).toHaveLength(0);
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(0);
    const failed = await t.database.db.selectFrom('integration_event').select('type').where('customer_id', '=', who.customerId).execute();
    expect(failed.map((event) => event.type)).toEqual(['payment.failed']);
  });

  it('acknowledges a notification about a payment it does not know, and refuses what is not a notification', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/notifications',
      payload: { type: 'notification', event: 'payment.succeeded', object: { id: '0193c1d2-0000-4000-8000-000000000001', status: 'succeeded', amount: { value: '100.00', currency: 'RUB' } } },
    });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ outcome: 'ignored' });
    const garbage = await t.app.inject({ method: 'POST', url: '/api/v1/payments/notifications', payload: { type: 'hello', event: 'x', object: { id: 'y' } } });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('notification_invalid');
  });

  it('believes the gateway, not the notification: a forged «succeeded» for a pending payment credits nothing', async () => {
    const who = await payer();
    const payment = (await pay(who, 50_000)).json();
    const id = new URL(payment.confirmationUrl).pathname.split('/').pop()!;
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/notifications',
      payload: { type: 'notification', event: 'payment.succeeded', object: { id, status: 'succeeded', paid: true, amount: { value: '500.00', currency: 'RUB' } } },
    });
    expect(forged.json()).toEqual({ outcome: 'unchanged' });
    expect(await entriesOf(payment.id)).toHaveLength(0);
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(0);
  });

  it('answers a retry with the same Idempotency-Key with the first payment: one payment, one gateway payment', async () => {
    const who = await payer();
    const first = await pay(who, 12_345, { 'idempotency-key': 'pay-once-1' });
    const second = await pay(who, 12_345, { 'idempotency-key': 'pay-once-1' });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const rows = await t.database.db.selectFrom('payments_payment').select('id').where('customer_id', '=', who.customerId).execute();
    expect(rows).toHaveLength(1);
    const atGateway = await t.database.db.selectFrom('payments_test_gateway_payment').select('id').where('idempotency_key', '=', first.json().id).execute();
    expect(atGateway).toHaveLength(1);
    expect((await pay(who, 999, { 'idempotency-key': 'pay-once-1' })).statusCode).toBe(422);
  });

  it('refuses amounts below 1 ₽ or above 1 000 000 ₽ with a field message, creating nothing', async () => {
    const who = await payer();
    for (const amount of [99, 100_000_001]) {
      const refused = await pay(who, amount);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([{ field: 'amount', code: 'amount_range', message: 'Сумма — от 1 до 1 000 000 ₽.' }]);
    }
    const rows = await t.database.db.selectFrom('payments_payment').select('id').where('customer_id', '=', who.customerId).execute();
    expect(rows).toHaveLength(0);
  });

  it("lets only members who may pay, and never reaches another customer's account or payment", async () => {
    const employee = await payer('employee');
    expect((await pay(employee, 1_000)).statusCode).toBe(403);

    const owner = await payer();
    const stranger = await payer();
    const payment = (await pay(owner, 1_000)).json();
    // The stranger's own customer id with the owner's account or payment: not found.
    const viaOwnAccount = await pay({ ...stranger, accountId: owner.accountId }, 1_000);
    expect(viaOwnAccount.statusCode).toBe(404);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${stranger.customerId}/accounts/${owner.accountId}/payments/${payment.id}`, headers: { cookie: stranger.cookie } });
    expect(read.statusCode).toBe(404);
    const crossed = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${stranger.customerId}/accounts/${stranger.accountId}/payments/${payment.id}`, headers: { cookie: stranger.cookie } });
    expect(crossed.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${stranger.customerId}/accounts/${owner.accountId}/payments`, headers: { cookie: stranger.cookie } });
    expect(list.statusCode).toBe(404);
  });

  it('keeps the ledger whole after all of it', async () => {
    expect((await verifyLedger(t.database.db)).mismatches).toEqual([]);
  });
});
