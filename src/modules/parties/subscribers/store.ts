import { sql, type Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { likePattern } from '../../../platform/db/like.ts';
import type { PartiesTables } from '../tables.ts';

export type ActivationStatus = PartiesTables['party_activation']['status'];
type ActivationRow = Selectable<PartiesTables['party_activation']>;

/** An activation without the scan's bytes (those are read only when staff open the scan). */
export interface Activation {
  customerId: string;
  id: string;
  userId: string;
  accountId: string;
  status: ActivationStatus;
  papersReceivedAt: Date | null;
  decidedBy: string | null;
  reason: string | null;
  scanType: string | null;
  scanName: string | null;
  scanSize: number | null;
  createdAt: Date;
  updatedAt: Date;
}

function activations(db: Db) {
  return db
    .selectFrom('party_activation as a')
    .select([
      'a.customer_id as customerId',
      'a.id',
      'a.user_id as userId',
      'a.account_id as accountId',
      'a.status',
      'a.papers_received_at as papersReceivedAt',
      'a.decided_by as decidedBy',
      'a.reason',
      'a.scan_type as scanType',
      'a.scan_name as scanName',
      sql<number | null>`octet_length(a.scan)`.as('scanSize'),
      'a.created_at as createdAt',
      'a.updated_at as updatedAt',
    ]);
}

export async function findActivation(db: Db, customerId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<Activation | undefined> {
  return activations(db)
    .where('a.customer_id', '=', customerId)
    .where('a.id', '=', id)
    .$if(options.forUpdate === true, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/** The user's newest activation at the customer that was not rejected: the one their papers are about. */
export async function findUserActivation(db: Db, customerId: string, userId: string): Promise<Activation | undefined> {
  return activations(db)
    .where('a.customer_id', '=', customerId)
    .where('a.user_id', '=', userId)
    .where('a.status', '<>', 'rejected')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .executeTakeFirst();
}

export async function findAwaitingActivations(db: Db, customerId: string): Promise<Activation[]> {
  return activations(db).where('a.customer_id', '=', customerId).where('a.status', '=', 'awaiting_papers').execute();
}

export async function insertActivation(db: Db, row: { customerId: string; id: string; userId: string; accountId: string }, now: Date): Promise<void> {
  await db
    .insertInto('party_activation')
    .values({ customer_id: row.customerId, id: row.id, user_id: row.userId, account_id: row.accountId, status: 'awaiting_papers', created_at: now, updated_at: now })
    .execute();
}

export async function decideActivation(
  db: Db,
  key: { customerId: string; id: string },
  decision: Pick<ActivationRow, 'status' | 'decided_by' | 'reason' | 'papers_received_at'> & Partial<Pick<ActivationRow, 'scan' | 'scan_type' | 'scan_name'>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('party_activation')
    .set({ ...decision, updated_at: now })
    .where('customer_id', '=', key.customerId)
    .where('id', '=', key.id)
    .execute();
}

export async function readScan(db: Db, customerId: string, id: string) {
  return db
    .selectFrom('party_activation')
    .select(['scan', 'scan_type as scanType', 'scan_name as scanName'])
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .where('scan', 'is not', null)
    .executeTakeFirst();
}

export interface QueueFilter {
  status: ActivationStatus;
  /** Activations of these accounts, customers whose name contains `text` or whose INN is `text`, or of these users. */
  search?: { text: string; accountIds: string[]; userIds: string[] };
  before?: string;
  limit: number;
}

/** A page of the activation queue, newest first, with the customer each activation belongs to. */
export async function selectQueue(db: Db, filter: QueueFilter) {
  const search = filter.search;
  return db
    .selectFrom('party_activation as a')
    .innerJoin('party_customer as c', 'c.id', 'a.customer_id')
    .select([
      'a.customer_id as customerId',
      'a.id',
      'a.user_id as userId',
      'a.account_id as accountId',
      'a.status',
      'a.papers_received_at as papersReceivedAt',
      'a.reason',
      sql<boolean>`a.scan is not null`.as('hasScan'),
      'a.created_at as createdAt',
      'c.name as customerName',
      'c.kind as customerKind',
      'c.inn',
      'c.kpp',
    ])
    .where('a.status', '=', filter.status)
    .$if(search !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('c.name', 'ilike', likePattern(search!.text)),
          eb('c.inn', '=', search!.text),
          ...(search!.accountIds.length > 0 ? [eb('a.account_id', 'in', search!.accountIds)] : []),
          ...(search!.userIds.length > 0 ? [eb('a.user_id', 'in', search!.userIds)] : []),
        ]),
      ),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('a.id', '<', filter.before!))
    .orderBy('a.id', 'desc')
    .limit(filter.limit)
    .execute();
}

export async function countByStatus(db: Db): Promise<Record<ActivationStatus, number>> {
  const rows = await db.selectFrom('party_activation').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const counts: Record<ActivationStatus, number> = { awaiting_papers: 0, activated: 0, rejected: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

// --- claims ---

export async function insertClaim(db: Db, claim: { tokenHash: Buffer; customerId: string; accountId: string; expiresAt: Date }, now: Date): Promise<void> {
  await db
    .insertInto('party_subscriber_claim')
    .values({ token_hash: claim.tokenHash, customer_id: claim.customerId, account_id: claim.accountId, created_at: now, expires_at: claim.expiresAt })
    .execute();
}

export async function findClaimForUpdate(db: Db, tokenHash: Buffer) {
  return db
    .selectFrom('party_subscriber_claim')
    .select(['customer_id as customerId', 'account_id as accountId', 'expires_at as expiresAt', 'completed_by as completedBy', 'completed_at as completedAt'])
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function completeClaim(db: Db, tokenHash: Buffer, userId: string, now: Date): Promise<void> {
  await db.updateTable('party_subscriber_claim').set({ completed_by: userId, completed_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** Claims nobody completed within their life are worth nothing; completed ones stay as a record. */
export async function deleteExpiredClaims(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('party_subscriber_claim').where('expires_at', '<', now).where('completed_by', 'is', null).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// --- customers and memberships (the parties module's own tables) ---

export async function lockCustomer(db: Db, id: string) {
  return db.selectFrom('party_customer').select(['id', 'kind', 'status', 'name', 'inn', 'kpp']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findCustomerCard(db: Db, id: string) {
  return db.selectFrom('party_customer').select(['id', 'kind', 'status', 'name', 'inn', 'kpp', 'legal_address as legalAddress']).where('id', '=', id).executeTakeFirst();
}

/** Everyone who holds or waits for a place at the customer (ended memberships aside). */
export async function findLiveMembers(db: Db, customerId: string) {
  return db
    .selectFrom('party_membership')
    .select(['user_id as userId', 'role', 'status', 'pending_step as pendingStep'])
    .where('customer_id', '=', customerId)
    .where('status', '<>', 'ended')
    .execute();
}

/**
 * Makes the user the customer's head waiting for activation. A membership that ended (an earlier
 * registration was rejected, or the person left) is taken up again rather than duplicated.
 */
export async function upsertPendingHead(db: Db, customerId: string, userId: string, now: Date): Promise<void> {
  await db
    .insertInto('party_membership')
    .values({ customer_id: customerId, user_id: userId, role: 'head', status: 'pending', pending_step: 'activation', created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['customer_id', 'user_id'])
        .doUpdateSet({ role: 'head', status: 'pending', pending_step: 'activation', updated_at: now })
        .where('party_membership.status', '=', 'ended'),
    )
    .execute();
}

/** The waiting head becomes active (papers received) or leaves (registration rejected). */
export async function settlePendingHead(db: Db, customerId: string, userId: string, status: 'active' | 'ended', now: Date): Promise<void> {
  await db
    .updateTable('party_membership')
    .set({ status, pending_step: null, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .where('pending_step', '=', 'activation')
    .execute();
}
