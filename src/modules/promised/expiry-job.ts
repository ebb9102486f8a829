import type { Db } from '../../platform/db/database.ts';
import { lockAccountState, postEntries } from '../accounts/index.ts';
import { findDuePromised, lockOpenPromised, markReversed } from './store.ts';

const BATCH = 200;

/**
 * Reverses every promised payment due at `now`: a `promised_reversal` entry for the same amount
 * (external id `promised-reversal:<id>`, occurring at the expiry, so a replay is the same entry) —
 * which may block the account for debt again — and the promised payment is closed, in one
 * transaction per payment. The reversal happens even when the customer has paid meanwhile: a
 * promised payment is a loan, and the payment stays on the balance. Idempotent: a payment already
 * reversed is not open any more, and the ledger refuses a second entry with the same external id.
 * Answers how many it reversed.
 */
export async function expirePromisedPayments(db: Db, now: Date): Promise<number> {
  let reversed = 0;
  for (;;) {
    const due = await findDuePromised(db, now, BATCH);
    for (const key of due) {
      const done = await db.transaction().execute(async (trx) => {
        // The account first, as a grant does, then the promised payment: one lock order.
        await lockAccountState(trx, key.customerId, key.accountId);
        const payment = await lockOpenPromised(trx, key.customerId, key.id);
        if (!payment) return false;
        const [outcome] = await postEntries(
          trx,
          [
            {
              customerId: key.customerId,
              accountId: payment.accountId,
              externalId: `promised-reversal:${payment.id}`,
              kind: 'promised_reversal',
              amount: -payment.amount,
              description: 'Окончание обещанного платежа',
              occurredAt: payment.expiresAt,
              source: 'promised',
            },
          ],
          now,
        );
        if (outcome?.status === 'conflict') throw new Error(`promised payment ${payment.id}: its reversal conflicts with an existing entry`);
        await markReversed(trx, key.customerId, payment.id, now);
        return true;
      });
      if (done) reversed++;
    }
    if (due.length < BATCH) return reversed;
  }
}

/** The hourly `promised.expiry` job. */
export function handlePromisedExpiry(db: Db) {
  return async () => {
    await expirePromisedPayments(db, new Date());
  };
}
