import type { Db } from '../../../platform/db/database.ts';
import { deleteExpiredClaims } from './store.ts';

/** The hourly `parties.subscriber-claims` job: confirmations of a code nobody redeemed in time go. Idempotent. */
export function handleSubscriberClaimsCleanup(db: Db) {
  return async () => {
    await deleteExpiredClaims(db, new Date());
  };
}
