import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ChangeKind } from './tables.ts';

export interface Assignment {
  id: string;
  customerId: string;
  accountId: string;
  planCode: string;
  planName: string;
  monthlyPrice: number;
  validFrom: string;
  validTo: string | null;
  changeKind: ChangeKind;
  createdAt: Date;
}

export interface Subscription {
  id: string;
  customerId: string;
  accountId: string;
  serviceCode: string;
  serviceName: string;
  monthlyPrice: number;
  validFrom: string;
  validTo: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
}

export interface AccountKey {
  customerId: string;
  accountId: string;
}

// ---- plan assignments ----

function assignments(db: Db) {
  return db
    .selectFrom('tariffs_assignment as a')
    .innerJoin('tariffs_plan as p', 'p.code', 'a.plan_code')
    .select([
      'a.id',
      'a.customer_id as customerId',
      'a.account_id as accountId',
      'a.plan_code as planCode',
      'p.name as planName',
      'p.monthly_price as monthlyPrice',
      'a.valid_from as validFrom',
      'a.valid_to as validTo',
      'a.change_kind as changeKind',
      'a.created_at as createdAt',
    ]);
}

/** The account's chain of plans (cancelled changes left out), oldest first. */
export async function listAssignments(db: Db, key: AccountKey): Promise<Assignment[]> {
  return assignments(db)
    .where('a.customer_id', '=', key.customerId)
    .where('a.account_id', '=', key.accountId)
    .where('a.cancelled_at', 'is', null)
    .orderBy('a.valid_from')
    .orderBy('a.id')
    .execute();
}

/**
 * Locks the account's assignments that are in effect from `today` on, so two changes of one
 * account run one after the other. Read the chain again after this: rows committed by the change
 * we waited for are not in this statement's snapshot.
 */
export async function lockAssignments(db: Db, key: AccountKey, today: string): Promise<void> {
  await db
    .selectFrom('tariffs_assignment')
    .select('id')
    .where('customer_id', '=', key.customerId)
    .where('account_id', '=', key.accountId)
    .where('cancelled_at', 'is', null)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function insertAssignment(
  db: Db,
  row: AccountKey & { id: string; planCode: string; validFrom: string; changeKind: ChangeKind; createdBy: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('tariffs_assignment')
    .values({
      customer_id: row.customerId,
      id: row.id,
      account_id: row.accountId,
      plan_code: row.planCode,
      valid_from: row.validFrom,
      valid_to: null,
      change_kind: row.changeKind,
      created_at: now,
      created_by: row.createdBy,
    })
    .execute();
}

export async function setAssignmentEnd(db: Db, key: AccountKey, id: string, validTo: string | null): Promise<void> {
  await db.updateTable('tariffs_assignment').set({ valid_to: validTo }).where('customer_id', '=', key.customerId).where('id', '=', id).execute();
}

export async function cancelAssignment(db: Db, key: AccountKey, id: string, by: string | null, now: Date): Promise<void> {
  await db
    .updateTable('tariffs_assignment')
    .set({ cancelled_at: now, cancelled_by: by })
    .where('customer_id', '=', key.customerId)
    .where('id', '=', id)
    .execute();
}

// ---- add-on subscriptions ----

function subscriptions(db: Db) {
  return db
    .selectFrom('tariffs_subscription as s')
    .innerJoin('tariffs_service as v', 'v.code', 's.service_code')
    .select([
      's.id',
      's.customer_id as customerId',
      's.account_id as accountId',
      's.service_code as serviceCode',
      'v.name as serviceName',
      'v.monthly_price as monthlyPrice',
      's.valid_from as validFrom',
      's.valid_to as validTo',
      's.created_at as createdAt',
      's.cancelled_at as cancelledAt',
    ]);
}

/** Subscriptions working on `date` or later (ordered, not yet ended), by service name. */
export async function listLiveSubscriptions(db: Db, key: AccountKey, date: string): Promise<Subscription[]> {
  return subscriptions(db)
    .where('s.customer_id', '=', key.customerId)
    .where('s.account_id', '=', key.accountId)
    .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>', date)]))
    .orderBy('v.name')
    .orderBy('s.valid_from')
    .execute();
}

/** The subscription of one service working on `date` or later, locked for a change. */
export async function lockLiveSubscription(db: Db, key: AccountKey, serviceCode: string, date: string): Promise<Subscription | undefined> {
  const row = await db
    .selectFrom('tariffs_subscription')
    .select('id')
    .where('customer_id', '=', key.customerId)
    .where('account_id', '=', key.accountId)
    .where('service_code', '=', serviceCode)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from', 'desc')
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  return subscriptions(db).where('s.customer_id', '=', key.customerId).where('s.id', '=', row.id).executeTakeFirst();
}

export async function insertSubscription(db: Db, row: AccountKey & { id: string; serviceCode: string; validFrom: string; createdBy: string | null }, now: Date): Promise<void> {
  await db
    .insertInto('tariffs_subscription')
    .values({
      customer_id: row.customerId,
      id: row.id,
      account_id: row.accountId,
      service_code: row.serviceCode,
      valid_from: row.validFrom,
      valid_to: null,
      created_at: now,
      created_by: row.createdBy,
    })
    .execute();
}

export async function setSubscriptionEnd(db: Db, key: AccountKey, id: string, end: { validTo: string | null; by: string | null; at: Date | null }): Promise<void> {
  await db
    .updateTable('tariffs_subscription')
    .set({ valid_to: end.validTo, cancelled_at: end.at, cancelled_by: end.by })
    .where('customer_id', '=', key.customerId)
    .where('id', '=', id)
    .execute();
}

// ---- what the periodic charges job reads ----

export interface ChargeableItem extends AccountKey {
  code: string;
  name: string;
  monthlyPrice: number;
}

/** Plans in effect on the period's first day, a page of accounts after `after`, in key order. */
export async function plansInEffect(db: Db, period: string, after: AccountKey | null, limit: number): Promise<ChargeableItem[]> {
  return db
    .selectFrom('tariffs_assignment as a')
    .innerJoin('tariffs_plan as p', 'p.code', 'a.plan_code')
    .select(['a.customer_id as customerId', 'a.account_id as accountId', 'p.code', 'p.name', 'p.monthly_price as monthlyPrice'])
    .where('a.cancelled_at', 'is', null)
    .where('a.valid_from', '<=', period)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', period)]))
    .$if(after !== null, (qb) => qb.where(sql<boolean>`(a.customer_id, a.account_id) > (${after!.customerId}::uuid, ${after!.accountId}::uuid)`))
    .orderBy('a.customer_id')
    .orderBy('a.account_id')
    .limit(limit)
    .execute();
}

/** Services working on the period's first day, for a page of accounts after `after`, in key order. */
export async function servicesInEffect(db: Db, period: string, after: AccountKey | null, limit: number): Promise<ChargeableItem[]> {
  // A page ends on an account boundary: the accounts first, then all their subscriptions.
  const accounts = await db
    .selectFrom('tariffs_subscription as s')
    .select(['s.customer_id as customerId', 's.account_id as accountId'])
    .distinct()
    .where('s.valid_from', '<=', period)
    .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>', period)]))
    .$if(after !== null, (qb) => qb.where(sql<boolean>`(s.customer_id, s.account_id) > (${after!.customerId}::uuid, ${after!.accountId}::uuid)`))
    .orderBy('s.customer_id')
    .orderBy('s.account_id')
    .limit(limit)
    .execute();
  if (accounts.length === 0) return [];
  const last = accounts[accounts.length - 1]!;
  return db
    .selectFrom('tariffs_subscription as s')
    .innerJoin('tariffs_service as v', 'v.code', 's.service_code')
    .select(['s.customer_id as customerId', 's.account_id as accountId', 'v.code', 'v.name', 'v.monthly_price as monthlyPrice'])
    .where('s.valid_from', '<=', period)
    .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>', period)]))
    .$if(after !== null, (qb) => qb.where(sql<boolean>`(s.customer_id, s.account_id) > (${after!.customerId}::uuid, ${after!.accountId}::uuid)`))
    .where(sql<boolean>`(s.customer_id, s.account_id) <= (${last.customerId}::uuid, ${last.accountId}::uuid)`)
    .orderBy('s.customer_id')
    .orderBy('s.account_id')
    .orderBy('v.code')
    .execute();
}
