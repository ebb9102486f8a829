import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Every SMS we send; the embedded default without a gateway keeps them here as the outbox.
  await db.schema
    .createTable('sms_message')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('to_phone', 'text', (col) => col.notNull())
    .addColumn('text_body', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('queued').check(sql`status in ('queued', 'sent', 'outbox')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('delivered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('sms_message_created_at_idx').on('sms_message').column('created_at').execute();
}
