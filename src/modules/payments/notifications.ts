import { ServiceUnavailableError } from '../../platform/http/errors.ts';
import { NotificationInvalidError } from './errors.ts';
import { GatewayRejectedError, GatewayUnavailableError, type GatewayPayment } from './gateway.ts';
import type { PaymentsContext } from './service.ts';
import { applyGatewayPayment, type SettleOutcome } from './settle.ts';
import { findPaymentByGatewayId } from './store.ts';

export type NotificationOutcome = SettleOutcome | 'ignored';

/**
 * A notification from the gateway (or the test gateway's page). Its content is not believed: it only
 * names a payment, which is fetched from the gateway and applied through the one settling path.
 * A notification about a payment we do not know is acknowledged and ignored, so the gateway stops
 * repeating it; when the gateway cannot be asked the error reaches the caller (a 5xx), so the
 * gateway repeats it later, and reconciliation settles it meanwhile.
 */
export async function handleNotification(ctx: PaymentsContext, body: unknown): Promise<NotificationOutcome> {
  const notification = ctx.gateway.parseNotification(body);
  if (!notification) throw new NotificationInvalidError();
  const payment = await findPaymentByGatewayId(ctx.db, ctx.gateway.name, notification.gatewayPaymentId);
  if (!payment) {
    ctx.logger?.warn({ gatewayPaymentId: notification.gatewayPaymentId, event: notification.event }, 'payment notification for an unknown payment ignored');
    return 'ignored';
  }
  let remote: GatewayPayment;
  try {
    remote = await ctx.gateway.getPayment(notification.gatewayPaymentId);
  } catch (error) {
    if (error instanceof GatewayUnavailableError) throw new ServiceUnavailableError('payment_gateway_unavailable', 60);
    if (error instanceof GatewayRejectedError) {
      ctx.logger?.error({ err: error, paymentId: payment.id }, 'the gateway does not know a payment it notified us of; nothing credited');
      return 'ignored';
    }
    throw error;
  }
  return applyGatewayPayment(ctx, { customerId: payment.customerId, id: payment.id }, remote, 'notification');
}
