import type { FastifyInstance } from 'fastify';
import { ORIGIN } from './identity.ts';

/** «Оплатить»: a member starts an online payment of `amount` kopecks into the account. */
export function startPayment(app: FastifyInstance, who: { cookie: string; customerId: string; accountId: string }, amount: number, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/customers/${who.customerId}/accounts/${who.accountId}/payments`,
    headers: { origin: ORIGIN, cookie: who.cookie, ...headers },
    payload: { amount },
  });
}
