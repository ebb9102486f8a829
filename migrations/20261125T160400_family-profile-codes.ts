import { sql, type Kysely } from 'kysely';

/**
 * Family access: what a staff-issued profile code is for (verifying a relative's profile, or the
 * grown-up person taking their own profile over), codes voided by a newer one, at most one live code
 * per profile, and the daily sweep of guardianships that ended at the child's majority.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('party_profile_code')
    .addColumn('purpose', 'text', (col) => col.notNull().defaultTo('verification').check(sql`purpose in ('verification', 'takeover')`))
    .execute();
  await db.schema.alterTable('party_profile_code').addColumn('voided_at', 'timestamptz').execute();
  await db.schema
    .createIndex('party_profile_code_live_key')
    .on('party_profile_code')
    .column('customer_id')
    .unique()
    .where(sql<boolean>`used_at is null and voided_at is null`)
    .execute();
  await db.schema
    .createIndex('party_membership_valid_until_idx')
    .on('party_membership')
    .column('valid_until')
    .where(sql<boolean>`valid_until is not null and status <> 'ended'`)
    .execute();
}
