import { v4 as uuidv4 } from 'uuid';
import type { Db } from '../../../platform/db/database.ts';
import { formatAmount, GatewayRejectedError, type CreateGatewayPayment, type GatewayNotification, type GatewayPayment, type PaymentGateway } from '../gateway.ts';
import type { PaymentStatus } from '../tables.ts';

/** A payment nobody paid or cancelled on the test page lapses, as a real gateway's does. */
const EXPIRES_AFTER_MS = 60 * 60_000;

/**
 * The built-in test gateway for the embedded default and demos. It keeps its payments in its own
 * table and shows its own page (/pay/test/:id in the web app); «Оплатить» / «Отменить» there decide
 * the payment and send a notification shaped like YooKassa's, which goes through the same handler
 * and the same verification (a fresh `getPayment`) as a real gateway's.
 */
export function createTestGateway(db: Db, publicUrl: URL): PaymentGateway {
  return {
    name: 'test',

    async createPayment(input: CreateGatewayPayment): Promise<GatewayPayment> {
      const now = new Date();
      await db
        .insertInto('payments_test_gateway_payment')
        .values({
          // Random, not time-ordered: the id is all that opens the payment page.
          id: uuidv4(),
          idempotency_key: input.idempotencyKey,
          amount: input.amount,
          description: input.description,
          return_url: input.returnUrl,
          metadata: JSON.stringify(input.metadata),
          status: 'pending',
          created_at: now,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      const row = await db.selectFrom('payments_test_gateway_payment').selectAll().where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
      return toPayment(await expireIfLapsed(db, row, now), publicUrl);
    },

    async getPayment(gatewayPaymentId: string): Promise<GatewayPayment> {
      const row = await findRow(db, gatewayPaymentId);
      if (!row) throw new GatewayRejectedError(404, `test gateway: no payment ${gatewayPaymentId}`);
      return toPayment(await expireIfLapsed(db, row, new Date()), publicUrl);
    },

    parseNotification(body: unknown): GatewayNotification | undefined {
      if (typeof body !== 'object' || body === null) return undefined;
      const { type, event, object } = body as Record<string, unknown>;
      if (type !== 'notification' || typeof event !== 'string' || typeof object !== 'object' || object === null) return undefined;
      const id = (object as Record<string, unknown>).id;
      return typeof id === 'string' && UUID.test(id) ? { gatewayPaymentId: id, event } : undefined;
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = Awaited<ReturnType<typeof findRow>> & {};

async function findRow(db: Db, id: string) {
  if (!UUID.test(id)) return undefined;
  return db.selectFrom('payments_test_gateway_payment').selectAll().where('id', '=', id).executeTakeFirst();
}

async function expireIfLapsed(db: Db, row: Row, now: Date): Promise<Row> {
  if (row.status !== 'pending' || now.getTime() - row.created_at.getTime() < EXPIRES_AFTER_MS) return row;
  await db.updateTable('payments_test_gateway_payment').set({ status: 'canceled', decided_at: now }).where('id', '=', row.id).where('status', '=', 'pending').execute();
  return (await findRow(db, row.id))!;
}

function toPayment(row: Row, publicUrl: URL): GatewayPayment {
  return {
    gatewayPaymentId: row.id,
    status: row.status,
    amount: row.amount,
    confirmationUrl: row.status === 'pending' ? new URL(`/pay/test/${row.id}`, publicUrl).href : null,
    paidAt: row.status === 'succeeded' ? row.decided_at : null,
    metadata: row.metadata,
  };
}

/** What the test gateway's page shows: the amount, what it is for, and where the payer goes back. */
export interface TestGatewayPage {
  id: string;
  amount: number;
  description: string;
  status: PaymentStatus;
  returnUrl: string;
}

export async function getTestGatewayPage(db: Db, id: string): Promise<TestGatewayPage | undefined> {
  const row = await findRow(db, id);
  if (!row) return undefined;
  const current = await expireIfLapsed(db, row, new Date());
  return { id: current.id, amount: current.amount, description: current.description, status: current.status, returnUrl: current.return_url };
}

/**
 * The payer pressed «Оплатить» or «Отменить» on the test page: the gateway decides its payment
 * (once; a decided payment stays as it is) and returns the notification it sends to the shop.
 */
export async function decideTestGatewayPayment(
  db: Db,
  id: string,
  decision: 'succeeded' | 'canceled',
  now: Date,
): Promise<{ page: TestGatewayPage; notification: unknown } | undefined> {
  const row = await findRow(db, id);
  if (!row) return undefined;
  await expireIfLapsed(db, row, now);
  await db.updateTable('payments_test_gateway_payment').set({ status: decision, decided_at: now }).where('id', '=', id).where('status', '=', 'pending').execute();
  const decided = (await findRow(db, id))!;
  return {
    page: { id: decided.id, amount: decided.amount, description: decided.description, status: decided.status, returnUrl: decided.return_url },
    notification: {
      type: 'notification',
      event: `payment.${decided.status}`,
      object: { id: decided.id, status: decided.status, amount: { value: formatAmount(decided.amount), currency: 'RUB' }, metadata: decided.metadata },
    },
  };
}
