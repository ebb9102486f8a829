import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { likePattern } from '../../../platform/db/like.ts';
import type { CustomerKind, CustomerStatus, Decision, MemberRole, MembershipStatus, PendingStep } from '../tables.ts';

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface JoinRequestRow {
  id: string;
  customerId: string;
  userId: string;
  status: JoinRequestStatus;
  moderatorDecision: Decision | null;
  moderatorId: string | null;
  moderatorDecidedAt: Date | null;
  companyDecision: Decision | null;
  companyDeciderId: string | null;
  companyDecidedAt: Date | null;
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CompanyRow {
  id: string;
  kind: CustomerKind;
  status: CustomerStatus;
  name: string;
  inn: string | null;
  kpp: string | null;
}

export interface MemberRow {
  customerId: string;
  userId: string;
  role: MemberRole;
  status: MembershipStatus;
  pendingStep: PendingStep | null;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const requestColumns = [
  'r.id',
  'r.customer_id as customerId',
  'r.user_id as userId',
  'r.status',
  'r.moderator_decision as moderatorDecision',
  'r.moderator_id as moderatorId',
  'r.moderator_decided_at as moderatorDecidedAt',
  'r.company_decision as companyDecision',
  'r.company_decider_id as companyDeciderId',
  'r.company_decided_at as companyDecidedAt',
  'r.reason',
  'r.created_at as createdAt',
  'r.updated_at as updatedAt',
] as const;

const companyColumns = ['c.id', 'c.kind', 'c.status', 'c.name', 'c.inn', 'c.kpp'] as const;

const memberColumns = [
  'customer_id as customerId',
  'user_id as userId',
  'role',
  'status',
  'pending_step as pendingStep',
  'status_reason as statusReason',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/** Companies a person may ask to join: registered (active or still under moderation) with this INN and KPP. */
export async function selectJoinableCompanies(db: Db, inn: string, kpp: string | undefined): Promise<CompanyRow[]> {
  return db
    .selectFrom('party_customer as c')
    .select(companyColumns)
    .where('c.inn', '=', inn)
    .where('c.kind', '<>', 'individual')
    .where('c.status', 'in', ['active', 'pending'])
    .$if(kpp !== undefined, (qb) => qb.where(sql<string>`coalesce(c.kpp, '')`, '=', kpp ?? ''))
    .orderBy('c.created_at')
    .limit(10)
    .execute();
}

export async function selectCompany(db: Db, customerId: string): Promise<CompanyRow | undefined> {
  return db.selectFrom('party_customer as c').select(companyColumns).where('c.id', '=', customerId).executeTakeFirst();
}

export async function selectCompanies(db: Db, ids: readonly string[]): Promise<Map<string, CompanyRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('party_customer as c').select(companyColumns).where('c.id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

// --- memberships -------------------------------------------------------------------------------

/** Adds the applicant as a member waiting for both approvals; false when they already have a row here. */
export async function insertPendingMember(db: Db, customerId: string, userId: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('party_membership')
    .values({ customer_id: customerId, user_id: userId, role: 'employee', status: 'pending', pending_step: 'join_approval', created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['customer_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Memberships of these users in the customer (ended ones too), locked in user-id order so two changes never deadlock. */
export async function lockMembers(db: Db, customerId: string, userIds: readonly string[]): Promise<Map<string, MemberRow>> {
  const rows = await db
    .selectFrom('party_membership')
    .select(memberColumns)
    .where('customer_id', '=', customerId)
    .where('user_id', 'in', [...new Set(userIds)])
    .orderBy('user_id')
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.userId, row]));
}

export async function updateMember(
  db: Db,
  customerId: string,
  userId: string,
  change: { role?: MemberRole; status?: MembershipStatus; pendingStep?: PendingStep | null; statusReason?: string | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('party_membership')
    .set({
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.pendingStep !== undefined ? { pending_step: change.pendingStep } : {}),
      ...(change.statusReason !== undefined ? { status_reason: change.statusReason } : {}),
      updated_at: now,
    })
    .where('customer_id', '=', customerId)
    .where('user_id', '=', userId)
    .execute();
}

/** The company's members and those whose access is blocked; applicants still waiting are in the join requests. */
export async function selectMembers(db: Db, customerId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('party_membership')
    .select(memberColumns)
    .where('customer_id', '=', customerId)
    .where('status', 'in', ['active', 'blocked'])
    .orderBy(sql`case role when 'head' then 0 when 'administrator' then 1 when 'accountant' then 2 else 3 end`)
    .orderBy('created_at')
    .execute();
}

/** Active members whose role lets them decide on join requests (those told about a new one). */
export async function selectActiveMembersWithRoles(db: Db, customerId: string, roles: readonly MemberRole[]): Promise<MemberRow[]> {
  if (roles.length === 0) return [];
  return db.selectFrom('party_membership').select(memberColumns).where('customer_id', '=', customerId).where('status', '=', 'active').where('role', 'in', [...roles]).execute();
}

/** Whether the company has a head who has not left (active, blocked or pending). */
export async function hasHead(db: Db, customerId: string): Promise<boolean> {
  const row = await db.selectFrom('party_membership').select('user_id').where('customer_id', '=', customerId).where('role', '=', 'head').where('status', '<>', 'ended').executeTakeFirst();
  return row !== undefined;
}

// --- join requests -----------------------------------------------------------------------------

export async function insertJoinRequest(db: Db, request: { id: string; customerId: string; userId: string; now: Date }): Promise<void> {
  await db
    .insertInto('party_join_request')
    .values({ id: request.id, customer_id: request.customerId, user_id: request.userId, status: 'pending', created_at: request.now, updated_at: request.now })
    .execute();
}

export async function selectOpenJoinRequest(db: Db, customerId: string, userId: string): Promise<JoinRequestRow | undefined> {
  return db
    .selectFrom('party_join_request as r')
    .select(requestColumns)
    .where('r.customer_id', '=', customerId)
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'pending')
    .executeTakeFirst();
}

/** One request of one customer, locked for the rest of the transaction: concurrent decisions queue up here. */
export async function lockJoinRequest(db: Db, customerId: string, id: string): Promise<JoinRequestRow | undefined> {
  return db.selectFrom('party_join_request as r').select(requestColumns).where('r.customer_id', '=', customerId).where('r.id', '=', id).forUpdate().executeTakeFirst();
}

/** The back office finds a request by its id alone: staff decide across customers. */
export async function selectJoinRequestById(db: Db, id: string): Promise<JoinRequestRow | undefined> {
  return db.selectFrom('party_join_request as r').select(requestColumns).where('r.id', '=', id).executeTakeFirst();
}

export async function selectUserJoinRequest(db: Db, userId: string, id: string): Promise<JoinRequestRow | undefined> {
  return db.selectFrom('party_join_request as r').select(requestColumns).where('r.user_id', '=', userId).where('r.id', '=', id).executeTakeFirst();
}

export async function updateJoinRequest(
  db: Db,
  customerId: string,
  id: string,
  change: Partial<Pick<JoinRequestRow, 'status' | 'moderatorDecision' | 'moderatorId' | 'moderatorDecidedAt' | 'companyDecision' | 'companyDeciderId' | 'companyDecidedAt' | 'reason'>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('party_join_request')
    .set({
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.moderatorDecision !== undefined ? { moderator_decision: change.moderatorDecision } : {}),
      ...(change.moderatorId !== undefined ? { moderator_id: change.moderatorId } : {}),
      ...(change.moderatorDecidedAt !== undefined ? { moderator_decided_at: change.moderatorDecidedAt } : {}),
      ...(change.companyDecision !== undefined ? { company_decision: change.companyDecision } : {}),
      ...(change.companyDeciderId !== undefined ? { company_decider_id: change.companyDeciderId } : {}),
      ...(change.companyDecidedAt !== undefined ? { company_decided_at: change.companyDecidedAt } : {}),
      ...(change.reason !== undefined ? { reason: change.reason } : {}),
      updated_at: now,
    })
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .execute();
}

/** A person's own requests, newest first. */
export async function selectUserJoinRequests(db: Db, userId: string, limit: number): Promise<JoinRequestRow[]> {
  return db.selectFrom('party_join_request as r').select(requestColumns).where('r.user_id', '=', userId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

/** Requests still waiting for a decision of the company, oldest first. */
export async function selectCompanyOpenRequests(db: Db, customerId: string): Promise<JoinRequestRow[]> {
  return db
    .selectFrom('party_join_request as r')
    .select(requestColumns)
    .where('r.customer_id', '=', customerId)
    .where('r.status', '=', 'pending')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(500)
    .execute();
}

/** The back office's queues: waiting for the moderator, waiting only for the company, decided. */
export type QueueState = 'moderator' | 'company' | 'decided';

/**
 * One page of a queue. Waiting requests come oldest first (first come, first served), decided ones
 * newest first; the cursor is the last id of the previous page (UUIDv7 ids sort by time).
 */
export async function selectQueue(
  db: Db,
  options: { state: QueueState; query?: string; applicantIds?: readonly string[]; after?: string; limit: number },
): Promise<JoinRequestRow[]> {
  const newestFirst = options.state === 'decided';
  const query = options.query?.trim();
  let qb = db
    .selectFrom('party_join_request as r')
    .innerJoin('party_customer as c', 'c.id', 'r.customer_id')
    .select(requestColumns)
    .$if(options.state === 'moderator', (q) => q.where('r.status', '=', 'pending').where('r.moderator_decision', 'is', null))
    .$if(options.state === 'company', (q) => q.where('r.status', '=', 'pending').where('r.moderator_decision', '=', 'approved'))
    .$if(options.state === 'decided', (q) => q.where('r.status', '<>', 'pending'));
  if (query) {
    const digits = /^\d+$/.test(query);
    qb = qb.where((eb) =>
      eb.or([
        eb('c.name', 'ilike', likePattern(query)),
        ...(digits ? [eb('c.inn', 'like', `${query}%`)] : []),
        ...(options.applicantIds && options.applicantIds.length > 0 ? [eb('r.user_id', 'in', [...options.applicantIds])] : []),
      ]),
    );
  }
  if (options.after) qb = qb.where('r.id', newestFirst ? '<' : '>', options.after);
  return qb.orderBy('r.id', newestFirst ? 'desc' : 'asc').limit(options.limit).execute();
}

export async function countQueueStates(db: Db): Promise<Record<QueueState, number>> {
  const row = await db
    .selectFrom('party_join_request')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'pending').filterWhere('moderator_decision', 'is', null).as('moderator'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'pending').filterWhere('moderator_decision', '=', 'approved').as('company'),
      eb.fn.countAll<number>().filterWhere('status', '<>', 'pending').as('decided'),
    ])
    .executeTakeFirstOrThrow();
  return { moderator: Number(row.moderator), company: Number(row.company), decided: Number(row.decided) };
}

/** The decisions about one request, as the audit log recorded them (oldest first). */
export async function selectRequestAudit(db: Db, customerId: string, requestId: string) {
  return db
    .selectFrom('audit_event')
    .select(['id', 'at', 'event', 'actor_id as actorId', 'ip', 'details'])
    .where('subject_id', '=', customerId)
    .where(sql<string>`details->>'requestId'`, '=', requestId)
    .orderBy('id')
    .limit(100)
    .execute();
}
