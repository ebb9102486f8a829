import { sql, type Kysely } from 'kysely';

/**
 * Company members: why a member was blocked, at most one head per company, and the back office's
 * look-ups of a join request by its own id (staff work across customers).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('party_membership').addColumn('status_reason', 'text').execute();
  // A company keeps exactly one head: the service never leaves it without one, the index never lets two in.
  await db.schema
    .createIndex('party_membership_one_head_key')
    .on('party_membership')
    .column('customer_id')
    .unique()
    .where(sql<boolean>`role = 'head' and status <> 'ended'`)
    .execute();
  await db.schema.createIndex('party_join_request_id_idx').on('party_join_request').column('id').execute();
  await db.schema.createIndex('party_join_request_user_idx').on('party_join_request').columns(['user_id', 'created_at']).execute();
}
