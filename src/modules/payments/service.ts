import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AccountNotFoundError, getAccount } from '../accounts/index.ts';
import { amountError, GatewayFailedError, PaymentInvalidError, PaymentNotFoundError } from './errors.ts';
import { GatewayRejectedError, GatewayUnavailableError, type PaymentGateway } from './gateway.ts';
import { abandonPayment, applyGatewayPayment } from './settle.ts';
import { attachGatewayPayment, findAccountPayments, findPayment, insertPayment, type Payment } from './store.ts';

/** 1 ₽ … 1 000 000 ₽ in kopecks: larger sums go by invoice through a bank. */
export const MIN_AMOUNT = 100;
export const MAX_AMOUNT = 100_000_000;

export interface PaymentsContext {
  db: Db;
  gateway: PaymentGateway;
  now: Date;
  logger?: Pick<Logger, 'error' | 'warn' | 'info'>;
}

export function amountAllowed(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount >= MIN_AMOUNT && amount <= MAX_AMOUNT;
}

export interface NewPayment {
  customerId: string;
  accountId: string;
  amount: number;
  /** Null: paid through an invoice's public link. */
  actorId: string | null;
  origin?: RequestOrigin;
  invoice?: { id: string; number: string };
  /** Where the gateway sends the payer back, given our payment id. */
  returnUrl: (paymentId: string) => string;
}

/**
 * Creates a pending payment (committed first), then asks the gateway for it outside the
 * transaction with our payment id as the idempotency key. When the gateway does not answer the
 * payment stays pending without a page; reconciliation asks again with the same key.
 */
export async function createPayment(ctx: PaymentsContext, input: NewPayment): Promise<Payment> {
  if (!amountAllowed(input.amount)) throw new PaymentInvalidError([amountError()]);
  const id = uuidv7();
  const payment = await ctx.db.transaction().execute(async (trx) => {
    const account = await getAccount(trx, input.customerId, input.accountId);
    if (!account) throw new AccountNotFoundError();
    const created: Payment = {
      customerId: input.customerId,
      id,
      accountId: input.accountId,
      amount: input.amount,
      description: input.invoice
        ? `Оплата по счёту № ${input.invoice.number}, лицевой счёт № ${account.number}`
        : `Оплата по лицевому счёту № ${account.number}`,
      status: 'pending',
      gateway: ctx.gateway.name,
      gatewayPaymentId: null,
      confirmationUrl: null,
      returnUrl: input.returnUrl(id),
      invoiceId: input.invoice?.id ?? null,
      createdBy: input.actorId,
      cancelReason: null,
      createdAt: ctx.now,
      settledAt: null,
    };
    await insertPayment(trx, created);
    await recordAudit(trx, ctx.now, {
      event: 'payment.created',
      actorId: input.actorId,
      subjectId: input.customerId,
      origin: input.origin,
      details: { paymentId: created.id, accountId: created.accountId, amount: created.amount, gateway: created.gateway, invoiceId: created.invoiceId },
    });
    return created;
  });
  return startAtGateway(ctx, payment);
}

/**
 * Asks the gateway for the payment (again, for reconciliation: the same idempotency key returns the
 * same gateway payment). Returns the payment as it stands afterwards.
 */
export async function startAtGateway(ctx: PaymentsContext, payment: Payment): Promise<Payment> {
  const key = { customerId: payment.customerId, id: payment.id };
  try {
    const remote = await ctx.gateway.createPayment({
      idempotencyKey: payment.id,
      amount: payment.amount,
      description: payment.description,
      returnUrl: payment.returnUrl,
      metadata: { paymentId: payment.id, customerId: payment.customerId, accountId: payment.accountId },
    });
    await attachGatewayPayment(ctx.db, key, remote.gatewayPaymentId, remote.confirmationUrl, ctx.now);
    if (remote.status !== 'pending') await applyGatewayPayment(ctx, key, remote, 'gateway');
  } catch (error) {
    if (error instanceof GatewayUnavailableError) {
      ctx.logger?.warn({ err: error, paymentId: payment.id }, 'payment gateway did not answer; the payment stays pending');
    } else if (error instanceof GatewayRejectedError) {
      ctx.logger?.error({ err: error, paymentId: payment.id }, 'payment gateway refused the payment');
      await abandonPayment(ctx, key, 'gateway_rejected');
      throw new GatewayFailedError();
    } else {
      throw error;
    }
  }
  return (await findPayment(ctx.db, key))!;
}

export async function getPayment(db: Db, key: { customerId: string; accountId: string; id: string }): Promise<Payment> {
  const payment = await findPayment(db, key);
  if (!payment || payment.accountId !== key.accountId) throw new PaymentNotFoundError();
  return payment;
}

export async function findPayments(db: Db, customerId: string, accountId: string, options: { limit: number; cursor?: string }): Promise<{ items: Payment[]; nextCursor: string | null }> {
  if (!(await getAccount(db, customerId, accountId))) throw new AccountNotFoundError();
  const items = await findAccountPayments(db, customerId, accountId, { limit: options.limit + 1, before: options.cursor });
  const page = items.slice(0, options.limit);
  return { items: page, nextCursor: items.length > options.limit ? page[page.length - 1]!.id : null };
}
