import type { Db } from '../../platform/db/database.ts';
import type { GatewayConfig, PaymentGateway } from './gateway.ts';
import { createTestGateway } from './gateways/test-gateway.ts';
import { createYookassaGateway } from './gateways/yookassa.ts';

export type { PaymentsTables, PaymentStatus, GatewayName } from './tables.ts';
export type { GatewayConfig, PaymentGateway, PaymentsConfig, YookassaOptions } from './gateway.ts';
export { paymentsRoutes, type PaymentsRouteOptions } from './routes.ts';
export { publicPaymentsRoutes, type PublicPaymentsRouteOptions } from './public-routes.ts';
export { handlePaymentsReconcile, reconcilePayments } from './reconcile-job.ts';
export { setRequisites, findRequisites, type Requisites } from './requisites.ts';
export { createPayment } from './service.ts';
export type { Payment } from './store.ts';
export { handleNotification } from './notifications.ts';
export { decideTestGatewayPayment } from './gateways/test-gateway.ts';
export { DEMO_REQUISITES, fillPaymentsDemo } from './demo.ts';

/** The configured gateway: the built-in test gateway (embedded default) or a YooKassa-compatible one. */
export function createPaymentGateway(config: GatewayConfig, db: Db, publicUrl: URL): PaymentGateway {
  return config.kind === 'yookassa' ? createYookassaGateway(config) : createTestGateway(db, publicUrl);
}
