import type { Logger } from 'pino';
import type { Db } from '../../platform/db/database.ts';
import type { PaymentGateway } from './gateway.ts';
import type { PaymentsContext } from './service.ts';
import { startAtGateway } from './service.ts';
import { abandonPayment, applyGatewayPayment } from './settle.ts';
import { findPendingPayments } from './store.ts';

/** Younger payments are still in their create call or on the gateway's page. */
const SETTLE_AFTER_MS = 60_000;
/** A payment the gateway never acknowledged within this time was never shown to anyone: given up. */
const ABANDON_AFTER_MS = 60 * 60_000;
const BATCH = 200;

export interface ReconcileReport {
  checked: number;
  succeeded: number;
  canceled: number;
  failed: number;
}

/**
 * Asks the gateway about every payment still pending: one whose create call never got an answer is
 * asked again with the same idempotency key (the gateway returns the payment it made, or makes the
 * one it did not), the others by id. Outcomes go through the same settling path as notifications,
 * so running twice, or racing a notification, credits once.
 */
export async function reconcilePayments(ctx: PaymentsContext): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, succeeded: 0, canceled: 0, failed: 0 };
  const pending = await findPendingPayments(ctx.db, new Date(ctx.now.getTime() - SETTLE_AFTER_MS), BATCH);
  for (const payment of pending) {
    report.checked++;
    const key = { customerId: payment.customerId, id: payment.id };
    try {
      if (payment.gateway !== ctx.gateway.name) continue;
      if (payment.gatewayPaymentId === null) {
        if (ctx.now.getTime() - payment.createdAt.getTime() > ABANDON_AFTER_MS) {
          if (await abandonPayment(ctx, key, 'gateway_unreachable')) report.canceled++;
          continue;
        }
        const after = await startAtGateway(ctx, payment);
        if (after.status === 'succeeded') report.succeeded++;
        if (after.status === 'canceled') report.canceled++;
        continue;
      }
      const remote = await ctx.gateway.getPayment(payment.gatewayPaymentId);
      const outcome = await applyGatewayPayment(ctx, key, remote, 'reconciliation');
      if (outcome === 'succeeded') report.succeeded++;
      if (outcome === 'canceled') report.canceled++;
    } catch (error) {
      // One payment the gateway cannot answer for does not hold up the others; the next run retries it.
      report.failed++;
      ctx.logger?.warn({ err: error, paymentId: payment.id }, 'payment reconciliation failed for one payment');
    }
  }
  return report;
}

/** The `payments.reconcile` job (every few minutes); idempotent like everything it calls. */
export function handlePaymentsReconcile(db: Db, gateway: PaymentGateway, logger?: Logger) {
  return async () => {
    const report = await reconcilePayments({ db, gateway, now: new Date(), logger });
    if (report.checked > 0) logger?.info({ ...report }, 'payments reconciled');
  };
}
