import { getAccount } from '../../accounts/index.ts';
import type { SubscribersContext } from './context.ts';
import { PapersNotAvailableError } from './errors.ts';
import { findUserActivation } from './store.ts';

/** The caller's own registration by subscriber code at this customer: what the cabinet shows while it waits. */
export async function getMyActivation(ctx: SubscribersContext, customerId: string, userId: string) {
  const activation = await findUserActivation(ctx.db, customerId, userId);
  if (!activation) throw new PapersNotAvailableError();
  const account = await getAccount(ctx.db, customerId, activation.accountId);
  return {
    id: activation.id,
    status: activation.status,
    subscriberCode: account?.subscriberCode ?? null,
    accountNumber: account?.number ?? '',
    contractNumber: account?.contractNumber ?? null,
    createdAt: activation.createdAt,
    papersReceivedAt: activation.papersReceivedAt,
  };
}
