import type { Logger } from 'pino';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { getAccount, postEntries } from '../accounts/index.ts';
import { publishEvent } from '../integration/index.ts';
import type { GatewayPayment } from './gateway.ts';
import { findPayment, updatePaymentStatus } from './store.ts';

export type SettleOutcome = 'succeeded' | 'canceled' | 'unchanged' | 'mismatch';

export interface SettleContext {
  db: Db;
  now: Date;
  logger?: Pick<Logger, 'error' | 'warn'>;
}

/**
 * The one way a payment's outcome is applied, whoever learnt it (notification, reconciliation, the
 * create call's own answer): `remote` must come from the gateway itself. In one transaction, with
 * the payment row locked: a success posts ONE ledger entry (external id `payment:<our id>`, so even
 * a second path that slipped past the lock credits nothing), publishes `payment.succeeded` and is
 * audited; a cancellation is recorded and published as `payment.failed`. A decided success never
 * changes again; a payment we gave up on is still credited if the gateway says it was paid.
 */
export async function applyGatewayPayment(
  ctx: SettleContext,
  key: { customerId: string; id: string },
  remote: GatewayPayment,
  source: 'notification' | 'reconciliation' | 'gateway',
): Promise<SettleOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const payment = await findPayment(trx, key, { forUpdate: true });
    if (!payment) throw new Error(`payments: no payment ${key.id}`);
    if (payment.gatewayPaymentId !== null && payment.gatewayPaymentId !== remote.gatewayPaymentId) {
      throw new Error(`payments: ${key.id} is ${payment.gatewayPaymentId} at the gateway, not ${remote.gatewayPaymentId}`);
    }
    if (remote.status === 'pending' || payment.status === 'succeeded' || payment.status === remote.status) return 'unchanged';

    const details = { paymentId: payment.id, accountId: payment.accountId, amount: payment.amount, gateway: payment.gateway, gatewayPaymentId: remote.gatewayPaymentId, source };
    if (remote.amount !== payment.amount || (remote.metadata.paymentId !== undefined && remote.metadata.paymentId !== payment.id)) {
      // Never credit what we did not ask for; a person looks at it.
      ctx.logger?.error({ ...details, remoteAmount: remote.amount, remoteMetadata: remote.metadata }, 'payment: the gateway reports another amount or payment');
      await recordAudit(trx, ctx.now, { event: 'payment.mismatch', actorId: null, subjectId: payment.customerId, details: { ...details, remoteAmount: remote.amount } });
      return 'mismatch';
    }

    const account = await getAccount(trx, payment.customerId, payment.accountId);
    if (remote.status === 'succeeded') {
      const [outcome] = await postEntries(
        trx,
        [
          {
            customerId: payment.customerId,
            accountId: payment.accountId,
            externalId: `payment:${payment.id}`,
            kind: 'payment',
            amount: payment.amount,
            description: payment.description,
            occurredAt: remote.paidAt ?? ctx.now,
            source: `gateway:${payment.gateway}`,
          },
        ],
        ctx.now,
      );
      if (outcome!.status === 'conflict') throw new Error(`payments: ledger entry payment:${payment.id} exists with other content`);
      await updatePaymentStatus(trx, key, { status: 'succeeded', settledAt: ctx.now }, ctx.now);
      if (payment.invoiceId) {
        await trx
          .updateTable('payments_invoice')
          .set({ paid_at: ctx.now })
          .where('customer_id', '=', payment.customerId)
          .where('id', '=', payment.invoiceId)
          .where('paid_at', 'is', null)
          .execute();
      }
      await publishEvent(
        trx,
        {
          type: 'payment.succeeded',
          customerId: payment.customerId,
          data: { ...details, accountNumber: account?.number ?? null, invoiceId: payment.invoiceId, paidAt: (remote.paidAt ?? ctx.now).toISOString() },
        },
        ctx.now,
      );
      await recordAudit(trx, ctx.now, { event: 'payment.succeeded', actorId: payment.createdBy, subjectId: payment.customerId, details });
      return 'succeeded';
    }

    await updatePaymentStatus(trx, key, { status: 'canceled', cancelReason: 'gateway', settledAt: ctx.now }, ctx.now);
    await publishEvent(
      trx,
      { type: 'payment.failed', customerId: payment.customerId, data: { ...details, accountNumber: account?.number ?? null, invoiceId: payment.invoiceId } },
      ctx.now,
    );
    await recordAudit(trx, ctx.now, { event: 'payment.canceled', actorId: payment.createdBy, subjectId: payment.customerId, details });
    return 'canceled';
  });
}

/** We give up on a payment the gateway never acknowledged: nobody ever saw its page, so nobody paid. */
export async function abandonPayment(ctx: SettleContext, key: { customerId: string; id: string }, reason: 'gateway_unreachable' | 'gateway_rejected'): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const payment = await findPayment(trx, key, { forUpdate: true });
    if (!payment || payment.status !== 'pending' || payment.gatewayPaymentId !== null) return false;
    await updatePaymentStatus(trx, key, { status: 'canceled', cancelReason: reason, settledAt: ctx.now }, ctx.now);
    const details = { paymentId: payment.id, accountId: payment.accountId, amount: payment.amount, gateway: payment.gateway, reason };
    await publishEvent(trx, { type: 'payment.failed', customerId: payment.customerId, data: { ...details, invoiceId: payment.invoiceId } }, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'payment.canceled', actorId: payment.createdBy, subjectId: payment.customerId, details });
    return true;
  });
}
