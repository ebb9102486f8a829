import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { likePattern } from '../../../platform/db/like.ts';
import type { Database } from '../../../platform/db/schema.ts';

export type QueueFilter = 'awaiting' | 'verified' | 'rejected';

type Eb = ExpressionBuilder<Database & { c: Database['party_customer'] }, 'c'>;

/** A relative's profile: an individual someone reaches (or reached) as a relative — memberships with a relation. */
function isFamilyProfile(eb: Eb) {
  return eb.and([
    eb('c.kind', '=', 'individual'),
    eb.exists(eb.selectFrom('party_membership as fm').select(sql`1`.as('one')).whereRef('fm.customer_id', '=', 'c.id').where('fm.relation', 'is not', null)),
  ]);
}

function inFilter(eb: Eb, filter: QueueFilter) {
  switch (filter) {
    case 'awaiting':
      return eb.and([
        eb('c.status', '=', 'pending'),
        eb.exists(
          eb
            .selectFrom('party_membership as pm')
            .select(sql`1`.as('one'))
            .whereRef('pm.customer_id', '=', 'c.id')
            .where('pm.status', '=', 'pending')
            .where('pm.pending_step', '=', 'verification'),
        ),
      ]);
    case 'verified':
      return eb('c.status', 'in', ['active', 'blocked']);
    case 'rejected':
      return eb('c.status', '=', 'rejected');
    default:
      throw new Error(`unknown queue filter ${String(filter)}`);
  }
}

/**
 * One page of the queue. Waiting profiles come oldest first (first come, first served); the others
 * newest first. Ids are UUIDv7, so they sort by creation time and serve as the cursor.
 */
export async function selectQueue(db: Db, options: { filter: QueueFilter; query?: string; after?: string; limit: number }) {
  const ascending = options.filter === 'awaiting';
  const text = options.query?.trim();
  return db
    .selectFrom('party_customer as c')
    .select([
      'c.id',
      'c.name',
      'c.birth_date as birthDate',
      'c.status',
      'c.created_at as createdAt',
      'c.created_by as createdBy',
      (eb) =>
        eb
          .selectFrom('party_membership as cm')
          .select('cm.relation')
          .whereRef('cm.customer_id', '=', 'c.id')
          .whereRef('cm.user_id', '=', 'c.created_by')
          .as('relation'),
    ])
    .where((eb) => eb.and([isFamilyProfile(eb), inFilter(eb, options.filter)]))
    .$if(Boolean(text), (qb) => qb.where('c.name', 'ilike', likePattern(text!)))
    .$if(options.after !== undefined, (qb) => qb.where('c.id', ascending ? '>' : '<', options.after!))
    .orderBy('c.id', ascending ? 'asc' : 'desc')
    .limit(options.limit)
    .execute();
}

export async function countQueue(db: Db): Promise<Record<QueueFilter, number>> {
  const filters: QueueFilter[] = ['awaiting', 'verified', 'rejected'];
  const counts = await Promise.all(
    filters.map((filter) =>
      db
        .selectFrom('party_customer as c')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.and([isFamilyProfile(eb), inFilter(eb, filter)]))
        .executeTakeFirstOrThrow(),
    ),
  );
  return { awaiting: Number(counts[0]!.n), verified: Number(counts[1]!.n), rejected: Number(counts[2]!.n) };
}

export async function selectProfileForStaff(db: Db, id: string) {
  return db
    .selectFrom('party_customer')
    .select(['id', 'name', 'birth_date as birthDate', 'status', 'status_reason as statusReason', 'created_at as createdAt', 'decided_at as decidedAt', 'decided_by as decidedBy'])
    .where('id', '=', id)
    .where('kind', '=', 'individual')
    .executeTakeFirst();
}

export async function selectMembers(db: Db, customerId: string) {
  return db
    .selectFrom('party_membership')
    .select(['user_id as userId', 'role', 'relation', 'status', 'pending_step as pendingStep', 'valid_until as validUntil', 'created_at as since'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
}
