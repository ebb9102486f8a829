import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { CustomerStatus, MemberRole, MembershipStatus, ProfileCodePurpose, Relation } from '../tables.ts';

/** The roles through which a person reaches an individual's profile. */
export const FAMILY_ROLES = ['self', 'guardian', 'representative'] as const satisfies readonly MemberRole[];
/** The roles of relatives: the ones a user adds and may give up. */
export const RELATIVE_ROLES = ['guardian', 'representative'] as const satisfies readonly MemberRole[];

/**
 * Serializes one user's profile additions for the rest of the transaction, so that two requests at
 * once can neither both pass the per-user limit nor both add the same relative. A transaction-level
 * lock: nothing outlives the transaction (PgBouncer's transaction pooling stays usable).
 */
export async function lockUserProfiles(db: Db, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`family:${userId}`}, 0))`.execute(db);
}

export async function countRelativeProfiles(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('party_membership')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('role', 'in', RELATIVE_ROLES)
    .where('status', '<>', 'ended')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The user's live profile of a person with this name (any case) and birth date, if they added one. */
export async function findSameProfile(db: Db, userId: string, name: string, birthDate: string) {
  return db
    .selectFrom('party_membership as m')
    .innerJoin('party_customer as c', 'c.id', 'm.customer_id')
    .select(['m.customer_id as customerId', 'm.relation'])
    .where('m.user_id', '=', userId)
    .where('m.role', 'in', RELATIVE_ROLES)
    .where('m.status', '<>', 'ended')
    .where('c.kind', '=', 'individual')
    .where('c.birth_date', '=', birthDate)
    .where(sql<string>`lower(c.name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function insertProfile(
  db: Db,
  profile: { id: string; name: string; birthDate: string; userId: string; role: 'guardian' | 'representative'; relation: Relation; validUntil: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('party_customer')
    .values({
      id: profile.id,
      kind: 'individual',
      status: 'pending',
      name: profile.name,
      birth_date: profile.birthDate,
      created_by: profile.userId,
      created_at: profile.now,
      updated_at: profile.now,
    })
    .execute();
  await db
    .insertInto('party_membership')
    .values({
      customer_id: profile.id,
      user_id: profile.userId,
      role: profile.role,
      status: 'pending',
      pending_step: 'verification',
      relation: profile.relation,
      valid_until: profile.validUntil,
      created_at: profile.now,
      updated_at: profile.now,
    })
    .execute();
}

export interface ProfileRow {
  id: string;
  name: string;
  birthDate: string | null;
  role: MemberRole;
  relation: Relation | null;
  membershipStatus: MembershipStatus;
  customerStatus: CustomerStatus;
  validUntil: string | null;
  statusReason: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/**
 * The individuals' profiles a user reaches: their own, their relatives'; and the relatives' profiles
 * they added that the clinic rejected, so they learn why and can delete them.
 */
export async function selectUserProfiles(db: Db, userId: string, customerId?: string): Promise<ProfileRow[]> {
  return db
    .selectFrom('party_membership as m')
    .innerJoin('party_customer as c', 'c.id', 'm.customer_id')
    .select([
      'm.customer_id as id',
      'c.name',
      'c.birth_date as birthDate',
      'm.role',
      'm.relation',
      'm.status as membershipStatus',
      'c.status as customerStatus',
      'm.valid_until as validUntil',
      'c.status_reason as statusReason',
      'c.created_by as createdBy',
      'c.created_at as createdAt',
    ])
    .where('m.user_id', '=', userId)
    .where('c.kind', '=', 'individual')
    .where('m.role', 'in', FAMILY_ROLES)
    .where((eb) =>
      eb.or([
        eb('m.status', '<>', 'ended'),
        eb.and([eb('c.status', '=', 'rejected'), eb('c.created_by', '=', userId), eb('m.relation', 'is not', null)]),
      ]),
    )
    .$if(customerId !== undefined, (qb) => qb.where('m.customer_id', '=', customerId!))
    .orderBy('c.created_at')
    .orderBy('m.customer_id')
    .execute();
}

export async function lockProfile(db: Db, id: string) {
  return db
    .selectFrom('party_customer')
    .select(['id', 'kind', 'status', 'name', 'birth_date as birthDate', 'created_by as createdBy'])
    .where('id', '=', id)
    .where('kind', '=', 'individual')
    .forUpdate()
    .executeTakeFirst();
}

/** Removes a never-verified profile with everything hanging off it (codes, memberships). */
export async function deleteProfile(db: Db, id: string): Promise<void> {
  await db.deleteFrom('party_profile_code').where('customer_id', '=', id).execute();
  await db.deleteFrom('party_membership').where('customer_id', '=', id).execute();
  await db.deleteFrom('party_customer').where('id', '=', id).where('kind', '=', 'individual').execute();
}

export async function endMembership(db: Db, customerId: string, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('party_membership')
    .set({ status: 'ended', pending_step: null, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('user_id', '=', userId)
    .execute();
}

export async function selectRepresentatives(db: Db, customerId: string) {
  return db
    .selectFrom('party_membership')
    .select(['user_id as userId', 'role', 'relation', 'status', 'valid_until as validUntil', 'created_at as since'])
    .where('customer_id', '=', customerId)
    .where('role', 'in', RELATIVE_ROLES)
    .where('status', '<>', 'ended')
    .orderBy('created_at')
    .execute();
}

export async function findLiveRepresentative(db: Db, customerId: string, userId: string) {
  return db
    .selectFrom('party_membership')
    .select(['user_id as userId', 'role', 'relation'])
    .where('customer_id', '=', customerId)
    .where('user_id', '=', userId)
    .where('role', 'in', RELATIVE_ROLES)
    .where('status', '<>', 'ended')
    .forUpdate()
    .executeTakeFirst();
}

// Codes.

export async function insertCode(
  db: Db,
  code: { customerId: string; id: string; hash: Buffer; purpose: ProfileCodePurpose; issuedBy: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('party_profile_code')
    .values({
      customer_id: code.customerId,
      id: code.id,
      code_hash: code.hash,
      purpose: code.purpose,
      issued_by: code.issuedBy,
      issued_at: code.now,
      expires_at: code.expiresAt,
    })
    .execute();
}

/** Voids the profile's unused codes (expired ones included): only the newest code works. */
export async function voidLiveCodes(db: Db, customerId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('party_profile_code')
    .set({ voided_at: now })
    .where('customer_id', '=', customerId)
    .where('used_at', 'is', null)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function codeHashTaken(db: Db, hash: Buffer): Promise<boolean> {
  return (await db.selectFrom('party_profile_code').select('id').where('code_hash', '=', hash).executeTakeFirst()) !== undefined;
}

/** The code with this hash, locked so that two redemptions of it cannot both pass. */
export async function lockCodeByHash(db: Db, hash: Buffer) {
  return db
    .selectFrom('party_profile_code')
    .select(['customer_id as customerId', 'id', 'purpose', 'issued_by as issuedBy', 'expires_at as expiresAt', 'used_by as usedBy', 'used_at as usedAt', 'voided_at as voidedAt'])
    .where('code_hash', '=', hash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markCodeUsed(db: Db, customerId: string, id: string, userId: string, now: Date): Promise<void> {
  await db.updateTable('party_profile_code').set({ used_by: userId, used_at: now }).where('customer_id', '=', customerId).where('id', '=', id).execute();
}

export async function selectCodes(db: Db, customerId: string) {
  return db
    .selectFrom('party_profile_code')
    .select(['id', 'purpose', 'issued_by as issuedBy', 'issued_at as issuedAt', 'expires_at as expiresAt', 'used_by as usedBy', 'used_at as usedAt', 'voided_at as voidedAt'])
    .where('customer_id', '=', customerId)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

// Verification and takeover.

export async function verifyMembership(db: Db, customerId: string, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('party_membership')
    .set({ status: 'active', pending_step: null, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute();
}

export async function setProfileDecision(db: Db, id: string, decision: { status: 'active' | 'rejected'; reason: string | null; decidedBy: string | null; now: Date }): Promise<void> {
  await db
    .updateTable('party_customer')
    .set({ status: decision.status, status_reason: decision.reason, decided_by: decision.decidedBy, decided_at: decision.now, updated_at: decision.now })
    .where('id', '=', id)
    .execute();
}

/** The person themselves: an active 'self' membership, replacing whatever role the user had there. */
export async function makeSelfMember(db: Db, customerId: string, userId: string, now: Date): Promise<void> {
  await db
    .insertInto('party_membership')
    .values({ customer_id: customerId, user_id: userId, role: 'self', status: 'active', pending_step: null, relation: null, valid_until: null, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['customer_id', 'user_id']).doUpdateSet({ role: 'self', status: 'active', pending_step: null, relation: null, valid_until: null, updated_at: now }),
    )
    .execute();
}

export async function findActiveSelf(db: Db, customerId: string) {
  return db
    .selectFrom('party_membership')
    .select('user_id as userId')
    .where('customer_id', '=', customerId)
    .where('role', '=', 'self')
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Ends guardianships whose end date has come (of one profile, or all); returns who lost access where. */
export async function endLapsedGuardianships(db: Db, today: string, now: Date, customerId?: string) {
  return db
    .updateTable('party_membership')
    .set({ status: 'ended', pending_step: null, updated_at: now })
    .where('role', '=', 'guardian')
    .where('status', '<>', 'ended')
    .where('valid_until', 'is not', null)
    .where('valid_until', '<=', today)
    .$if(customerId !== undefined, (qb) => qb.where('customer_id', '=', customerId!))
    .returning(['customer_id as customerId', 'user_id as userId', 'valid_until as validUntil'])
    .execute();
}

/** Of these profiles, the ones still pending that nobody waits for any more. */
export async function findAbandonedPending(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('party_customer as c')
    .select(['c.id', 'c.name'])
    .where('c.id', 'in', ids)
    .where('c.kind', '=', 'individual')
    .where('c.status', '=', 'pending')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('party_membership as m').select(sql`1`.as('one')).whereRef('m.customer_id', '=', 'c.id').where('m.status', '<>', 'ended'))),
    )
    .execute();
}

export async function pendingMembers(db: Db, customerId: string) {
  return db
    .selectFrom('party_membership')
    .select(['user_id as userId'])
    .where('customer_id', '=', customerId)
    .where('status', '=', 'pending')
    .execute();
}

export async function endPendingMemberships(db: Db, customerId: string, now: Date): Promise<void> {
  await db
    .updateTable('party_membership')
    .set({ status: 'ended', pending_step: null, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('status', '=', 'pending')
    .execute();
}
