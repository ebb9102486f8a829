import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { todayIn } from './dates.ts';
import { endLapsedGuardianships, findAbandonedPending, setProfileDecision, voidLiveCodes } from './store.ts';

/** Recorded as the reason (in the provider's language, as staff write theirs) when a child's profile was still unverified on the day they came of age. */
const CAME_OF_AGE_REASON = 'Ребёнку исполнилось 18 лет до подтверждения профиля';

/**
 * Ends guardianships whose child came of age (on the 18th birthday, in the provider's time zone).
 * The access guard already refuses them; this makes the state visible to the person, their former
 * guardian and staff. A child's profile still waiting for its code on that day waits for nobody any
 * more and is closed as rejected. Idempotent: ended memberships are not touched again.
 */
export async function endGuardianships(db: Db, timeZone: string, now: Date): Promise<number> {
  const today = todayIn(timeZone, now);
  return db.transaction().execute(async (trx) => {
    const ended = await endLapsedGuardianships(trx, today, now);
    for (const item of ended) {
      await recordAudit(trx, now, { event: 'family.guardianship_ended', subjectId: item.customerId, details: { userId: item.userId, validUntil: item.validUntil } });
    }
    const abandoned = await findAbandonedPending(trx, [...new Set(ended.map((item) => item.customerId))]);
    for (const profile of abandoned) {
      await setProfileDecision(trx, profile.id, { status: 'rejected', reason: CAME_OF_AGE_REASON, decidedBy: null, now });
      await voidLiveCodes(trx, profile.id, now);
      await recordAudit(trx, now, { event: 'family.profile_rejected', subjectId: profile.id, details: { reason: 'came_of_age' } });
    }
    return ended.length;
  });
}

/** The daily `parties.guardianship` job. */
export function handleGuardianshipExpiry(db: Db, timeZone: string) {
  return async () => {
    await endGuardianships(db, timeZone, new Date());
  };
}
