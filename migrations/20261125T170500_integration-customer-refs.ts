import type { Kysely } from 'kysely';

/**
 * The provider's billing names its customers by its own ids; the batch endpoints and imports keep
 * which of our customers each id means, so replaying a batch of customers finds them instead of
 * creating them again (people have no INN to be found by). Customer-owned: customer_id leads the key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('integration_customer_ref')
    .addColumn('customer_id', 'uuid', (col) => col.notNull().references('party_customer.id'))
    .addColumn('external_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('integration_customer_ref_pkey', ['customer_id', 'external_id'])
    .execute();
  await db.schema.createIndex('integration_customer_ref_external_id_key').on('integration_customer_ref').column('external_id').unique().execute();
}
