import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHolder } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { startPayment } from '../../../test/support/payments.ts';
import { startYookassa, type YookassaStandIn } from '../../../test/support/yookassa.ts';
import { getBalance, verifyLedger } from '../accounts/index.ts';
import { formatAmount, GatewayRejectedError, GatewayUnavailableError, parseAmount } from './gateway.ts';
import { createYookassaGateway } from './gateways/yookassa.ts';
import { createPaymentGateway, reconcilePayments } from './index.ts';
import { createPayment } from './service.ts';

let t: TestApp;
let kassa: YookassaStandIn;
beforeAll(async () => {
  kassa = await startYookassa();
  t = await createTestApp({
    PAYMENT_GATEWAY: 'yookassa',
    YOOKASSA_API_URL: kassa.apiUrl,
    YOOKASSA_SHOP_ID: kassa.shopId,
    YOOKASSA_SECRET_KEY: kassa.secretKey,
    // How long a create call may hang before its outcome counts as unknown.
    YOOKASSA_TIMEOUT_MS: '1500',
  });
});
afterAll(async () => {
  await t?.close();
  await kassa?.close();
});

const silent = pino({ level: 'silent' });
const gateway = () => createPaymentGateway(t.config.payments.gateway, t.database.db, t.config.publicUrl);
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

const payer = () => accountHolder(t.app, t.database.db, { blockThreshold: null });

type Payer = Awaited<ReturnType<typeof payer>>;

const pay = (who: Payer, amount: number, headers?: Record<string, string>) => startPayment(t.app, who, amount, headers);

function notify(body: unknown) {
  return t.app.inject({ method: 'POST', url: '/api/v1/payments/notifications', payload: body as Record<string, unknown> });
}

async function stored(customerId: string, id: string) {
  return t.database.db.selectFrom('payments_payment').selectAll().where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirstOrThrow();
}

async function entriesOf(paymentId: string) {
  return t.database.db.selectFrom('accounts_ledger_entry').selectAll().where('external_id', '=', `payment:${paymentId}`).execute();
}

describe('the YooKassa adapter against a stand-in', () => {
  it('creates the payment with Basic auth, our payment id as Idempotence-Key, rubles as "123.45", redirect and capture', async () => {
    const who = await payer();
    const before = kassa.received.length;
    const created = await pay(who, 12_345);
    expect(created.statusCode).toBe(201);
    const payment = created.json();
    const calls = kassa.received.slice(before);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.method).toBe('POST');
    expect(call!.path).toBe('/v3/payments');
    expect(call!.headers.authorization).toBe(`Basic ${Buffer.from(`${kassa.shopId}:${kassa.secretKey}`).toString('base64')}`);
    expect(call!.headers['idempotence-key']).toBe(payment.id);
    expect(call!.body).toMatchObject({
      amount: { value: '123.45', currency: 'RUB' },
      capture: true,
      confirmation: { type: 'redirect', return_url: `http://127.0.0.1:3000/accounts/${who.accountId}?payment=${payment.id}` },
      metadata: { paymentId: payment.id, customerId: who.customerId, accountId: who.accountId },
    });
    const row = await stored(who.customerId, payment.id);
    expect(payment.confirmationUrl).toBe(kassa.payments.get(row.gateway_payment_id!)!.confirmation.confirmation_url);
  });

  it('credits once on payment.succeeded, however often the notification comes, and only what the gateway confirms', async () => {
    const who = await payer();
    const payment = (await pay(who, 30_000)).json();
    const gatewayId = (await stored(who.customerId, payment.id)).gateway_payment_id!;

    // Forged: the body says succeeded, the gateway says pending.
    const forged = await notify({ ...(kassa.notification(gatewayId) as object), event: 'payment.succeeded', object: { ...kassa.payments.get(gatewayId)!, status: 'succeeded', paid: true } });
    expect(forged.json()).toEqual({ outcome: 'unchanged' });
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(0);

    kassa.decide(gatewayId, 'succeeded');
    const gets = kassa.received.length;
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await notify(kassa.notification(gatewayId))).json().outcome);
    expect(outcomes).toEqual(['succeeded', 'unchanged', 'unchanged']);
    // Every notification was checked with the gateway (GET), never taken at its word.
    expect(kassa.received.slice(gets).map((call) => `${call.method} ${call.path}`)).toEqual(Array(3).fill(`GET /v3/payments/${gatewayId}`));
    expect(await entriesOf(payment.id)).toHaveLength(1);
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(30_000);
  });

  it('races a notification and reconciliation for the same payment and credits once', async () => {
    const who = await payer();
    const payment = (await pay(who, 4_200)).json();
    const gatewayId = (await stored(who.customerId, payment.id)).gateway_payment_id!;
    kassa.decide(gatewayId, 'succeeded');
    const [notified, reconciled] = await Promise.all([
      notify(kassa.notification(gatewayId)),
      reconcilePayments({ db: t.database.db, gateway: gateway(), now: later(5), logger: silent }),
    ]);
    expect(notified.statusCode).toBe(200);
    expect(reconciled.failed).toBe(0);
    // Whichever came second found the payment settled.
    expect((notified.json().outcome === 'succeeded' ? 1 : 0) + reconciled.succeeded).toBe(1);
    expect(await entriesOf(payment.id)).toHaveLength(1);
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(4_200);
    const events = await t.database.db.selectFrom('integration_event').select('type').where('customer_id', '=', who.customerId).execute();
    expect(events.map((event) => event.type)).toEqual(['payment.succeeded']);
  });

  it('keeps a payment pending when the gateway times out, and reconciliation settles it with the same key', async () => {
    const who = await payer();
    kassa.failNext(1, 'hang-after-create');
    const created = await pay(who, 55_000);
    expect(created.statusCode).toBe(201);
    const payment = created.json();
    expect(payment).toMatchObject({ status: 'pending', confirmationUrl: null });
    expect((await stored(who.customerId, payment.id)).gateway_payment_id).toBeNull();

    // Too young to reconcile: left alone.
    expect((await reconcilePayments({ db: t.database.db, gateway: gateway(), now: new Date(), logger: silent })).checked).toBe(0);

    // The same Idempotence-Key brings back the payment the gateway made during the timeout: no second one.
    const creates = () => kassa.received.filter((call) => call.method === 'POST' && call.headers['idempotence-key'] === payment.id);
    await reconcilePayments({ db: t.database.db, gateway: gateway(), now: later(3), logger: silent });
    expect(creates()).toHaveLength(2);
    expect(creates()[1]!.body).toEqual(creates()[0]!.body);
    const gatewayIds = [...kassa.payments.values()].filter((p) => p.metadata.paymentId === payment.id).map((p) => p.id);
    expect(gatewayIds).toHaveLength(1);
    expect((await stored(who.customerId, payment.id)).gateway_payment_id).toBe(gatewayIds[0]);
    expect((await stored(who.customerId, payment.id)).status).toBe('pending');

    // The payer pays; the notification is lost; the next run asks and credits.
    kassa.decide(gatewayIds[0]!, 'succeeded');
    const report = await reconcilePayments({ db: t.database.db, gateway: gateway(), now: later(5), logger: silent });
    expect(report.succeeded).toBe(1);
    expect((await stored(who.customerId, payment.id)).status).toBe('succeeded');
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(55_000);
    // A run after that, and the late notification, change nothing.
    expect((await reconcilePayments({ db: t.database.db, gateway: gateway(), now: later(7), logger: silent })).succeeded).toBe(0);
    expect((await notify(kassa.notification(gatewayIds[0]!))).json()).toEqual({ outcome: 'unchanged' });
    expect(await entriesOf(payment.id)).toHaveLength(1);
  });

  it('answers 503 to a notification while the gateway cannot confirm it, so the gateway repeats it', async () => {
    const who = await payer();
    const payment = (await pay(who, 1_000)).json();
    const gatewayId = (await stored(who.customerId, payment.id)).gateway_payment_id!;
    kassa.decide(gatewayId, 'succeeded');
    kassa.failNext(1, 'http-500');
    const refused = await notify(kassa.notification(gatewayId));
    expect(refused.statusCode).toBe(503);
    expect(await entriesOf(payment.id)).toHaveLength(0);
    expect((await notify(kassa.notification(gatewayId))).json()).toEqual({ outcome: 'succeeded' });
  });

  it('gives up on a payment the gateway never acknowledged within an hour, and records a cancellation from the gateway', async () => {
    const who = await payer();
    kassa.failNext(1, 'http-500');
    const lost = (await pay(who, 2_000)).json();
    expect(lost).toMatchObject({ status: 'pending', confirmationUrl: null });
    kassa.failNext(100, 'http-500');
    const report = await reconcilePayments({ db: t.database.db, gateway: gateway(), now: later(2), logger: silent });
    expect(report.failed).toBeGreaterThan(0);
    kassa.failNext(0, 'http-500');
    expect((await stored(who.customerId, lost.id)).status).toBe('pending');
    await t.database.db.updateTable('payments_payment').set({ created_at: later(-61) }).where('id', '=', lost.id).execute();
    await reconcilePayments({ db: t.database.db, gateway: gateway(), now: new Date(), logger: silent });
    expect(await stored(who.customerId, lost.id)).toMatchObject({ status: 'canceled', cancel_reason: 'gateway_unreachable' });

    const abandoned = (await pay(who, 3_000)).json();
    const gatewayId = (await stored(who.customerId, abandoned.id)).gateway_payment_id!;
    kassa.decide(gatewayId, 'canceled');
    expect((await notify(kassa.notification(gatewayId))).json()).toEqual({ outcome: 'canceled' });
    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(0);
  });

  it('answers a retry with the same Idempotency-Key from the first answer, without a second gateway call', async () => {
    const who = await payer();
    const before = kassa.received.filter((call) => call.method === 'POST').length;
    const first = await pay(who, 7_700, { 'idempotency-key': 'yk-retry-1' });
    const second = await pay(who, 7_700, { 'idempotency-key': 'yk-retry-1' });
    expect(second.json()).toEqual(first.json());
    expect(kassa.received.filter((call) => call.method === 'POST').length - before).toBe(1);
    const rows = await t.database.db.selectFrom('payments_payment').select('id').where('customer_id', '=', who.customerId).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses (502) and cancels the payment when the gateway rejects the credentials; an unreachable gateway is "unknown"', async () => {
    const who = await payer();
    const wrong = createYookassaGateway({ apiUrl: new URL(kassa.apiUrl), shopId: kassa.shopId, secretKey: 'wrong', timeoutMs: 2000 });
    await expect(wrong.getPayment('nothing')).rejects.toBeInstanceOf(GatewayRejectedError);
    const refused = createPayment(
      { db: t.database.db, gateway: wrong, now: new Date(), logger: silent },
      { customerId: who.customerId, accountId: who.accountId, amount: 1_000, actorId: null, returnUrl: () => 'http://127.0.0.1:3000/' },
    );
    await expect(refused).rejects.toMatchObject({ code: 'payment_gateway_failed', status: 502 });
    const rows = await t.database.db.selectFrom('payments_payment').select(['status', 'cancel_reason']).where('customer_id', '=', who.customerId).execute();
    expect(rows).toEqual([{ status: 'canceled', cancel_reason: 'gateway_rejected' }]);
    const down = createYookassaGateway({ apiUrl: new URL('http://127.0.0.1:9/v3'), shopId: 'x', secretKey: 'y', timeoutMs: 2000 });
    await expect(down.getPayment('nothing')).rejects.toBeInstanceOf(GatewayUnavailableError);
  });

  it('keeps the ledger whole', async () => {
    expect((await verifyLedger(t.database.db)).mismatches).toEqual([]);
  });
});

describe('formatAmount and parseAmount', () => {
  it('turn kopecks into the gateway’s rubles and back', () => {
    expect(formatAmount(12_345)).toBe('123.45');
    expect(formatAmount(100)).toBe('1.00');
    expect(formatAmount(5)).toBe('0.05');
    expect(formatAmount(100_000_000)).toBe('1000000.00');
    expect(parseAmount('123.45')).toBe(12_345);
    expect(parseAmount('10.5')).toBe(1_050);
    expect(parseAmount('7')).toBe(700);
    expect(parseAmount('1e3')).toBeUndefined();
    expect(parseAmount(12.5)).toBeUndefined();
  });
});
