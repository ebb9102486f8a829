import type { Db } from '../../platform/db/database.ts';
import type { GatewayName, PaymentStatus } from './tables.ts';

/** A payment as the module works with it. */
export interface Payment {
  customerId: string;
  id: string;
  accountId: string;
  amount: number;
  description: string;
  status: PaymentStatus;
  gateway: GatewayName;
  gatewayPaymentId: string | null;
  confirmationUrl: string | null;
  returnUrl: string;
  invoiceId: string | null;
  createdBy: string | null;
  cancelReason: string | null;
  createdAt: Date;
  settledAt: Date | null;
}

const paymentColumns = [
  'customer_id as customerId',
  'id',
  'account_id as accountId',
  'amount',
  'description',
  'status',
  'gateway',
  'gateway_payment_id as gatewayPaymentId',
  'confirmation_url as confirmationUrl',
  'return_url as returnUrl',
  'invoice_id as invoiceId',
  'created_by as createdBy',
  'cancel_reason as cancelReason',
  'created_at as createdAt',
  'settled_at as settledAt',
] as const;

export async function insertPayment(db: Db, payment: Payment): Promise<void> {
  await db
    .insertInto('payments_payment')
    .values({
      customer_id: payment.customerId,
      id: payment.id,
      account_id: payment.accountId,
      amount: payment.amount,
      description: payment.description,
      status: payment.status,
      gateway: payment.gateway,
      gateway_payment_id: payment.gatewayPaymentId,
      confirmation_url: payment.confirmationUrl,
      return_url: payment.returnUrl,
      invoice_id: payment.invoiceId,
      created_by: payment.createdBy,
      cancel_reason: payment.cancelReason,
      created_at: payment.createdAt,
      updated_at: payment.createdAt,
      settled_at: payment.settledAt,
    })
    .execute();
}

export async function findPayment(db: Db, key: { customerId: string; id: string }, options: { forUpdate?: boolean } = {}): Promise<Payment | undefined> {
  return db
    .selectFrom('payments_payment')
    .select(paymentColumns)
    .where('customer_id', '=', key.customerId)
    .where('id', '=', key.id)
    .$if(options.forUpdate === true, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/** By the gateway's id: what a notification names. The (gateway, id) index is unique. */
export async function findPaymentByGatewayId(db: Db, gateway: GatewayName, gatewayPaymentId: string): Promise<Payment | undefined> {
  return db.selectFrom('payments_payment').select(paymentColumns).where('gateway', '=', gateway).where('gateway_payment_id', '=', gatewayPaymentId).executeTakeFirst();
}

/** The account's payments, newest first, paged by id (UUIDv7 ids sort by time). */
export async function findAccountPayments(db: Db, customerId: string, accountId: string, options: { limit: number; before?: string }): Promise<Payment[]> {
  return db
    .selectFrom('payments_payment')
    .select(paymentColumns)
    .where('customer_id', '=', customerId)
    .where('account_id', '=', accountId)
    .$if(options.before !== undefined, (qb) => qb.where('id', '<', options.before!))
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
}

/** Pending payments created before `createdBefore`, oldest first: what reconciliation asks the gateway about. */
export async function findPendingPayments(db: Db, createdBefore: Date, limit: number): Promise<Payment[]> {
  return db
    .selectFrom('payments_payment')
    .select(paymentColumns)
    .where('status', '=', 'pending')
    .where('created_at', '<', createdBefore)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** Records the gateway's id and page once; a second answer for the same key changes nothing. */
export async function attachGatewayPayment(db: Db, key: { customerId: string; id: string }, gatewayPaymentId: string, confirmationUrl: string | null, now: Date): Promise<void> {
  await db
    .updateTable('payments_payment')
    .set({ gateway_payment_id: gatewayPaymentId, confirmation_url: confirmationUrl, updated_at: now })
    .where('customer_id', '=', key.customerId)
    .where('id', '=', key.id)
    .where('gateway_payment_id', 'is', null)
    .execute();
}

export async function updatePaymentStatus(
  db: Db,
  key: { customerId: string; id: string },
  changes: { status: PaymentStatus; cancelReason?: string | null; settledAt: Date | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('payments_payment')
    .set({
      status: changes.status,
      cancel_reason: changes.cancelReason ?? null,
      settled_at: changes.settledAt,
      updated_at: now,
      ...(changes.status === 'pending' ? {} : { confirmation_url: null }),
    })
    .where('customer_id', '=', key.customerId)
    .where('id', '=', key.id)
    .execute();
}

/** The invoice's newest payment still on the gateway's page (pending, with a page), created after `since`. */
export async function findWaitingInvoicePayment(db: Db, customerId: string, invoiceId: string, since: Date): Promise<Payment | undefined> {
  return db
    .selectFrom('payments_payment')
    .select(paymentColumns)
    .where('customer_id', '=', customerId)
    .where('invoice_id', '=', invoiceId)
    .where('status', '=', 'pending')
    .where('confirmation_url', 'is not', null)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Whether the invoice has a payment still waiting for its outcome. */
export async function hasPendingInvoicePayment(db: Db, customerId: string, invoiceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('payments_payment')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('invoice_id', '=', invoiceId)
    .where('status', '=', 'pending')
    .where('gateway_payment_id', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}
