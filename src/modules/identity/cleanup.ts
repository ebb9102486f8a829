import type { Db } from '../../platform/db/database.ts';
import { deleteStaleCounters } from '../../platform/throttle/throttle.ts';
import { deleteStaleFlows } from './flows.ts';

/** The hourly `identity.cleanup` job: expired flows and stale throttle counters go. Idempotent. */
export function handleIdentityCleanup(db: Db) {
  return async () => {
    const now = new Date();
    await deleteStaleFlows(db, now);
    await deleteStaleCounters(db, now);
  };
}
