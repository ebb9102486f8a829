import { sql, type Kysely } from 'kysely';

/**
 * Integrations: API tokens with scopes (only a hash is kept), outgoing webhook endpoints, and one
 * delivery row per event and endpoint so an event reaches an endpoint once by design.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('integration_api_token')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    // sha256 of the token, hex; the token itself is shown once and never stored.
    .addColumn('token_hash', 'text', (col) => col.notNull())
    // The last characters of the token, so people can tell their tokens apart.
    .addColumn('token_hint', 'text', (col) => col.notNull())
    .addColumn('scopes', sql`text[]`, (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (col) => col.references('identity_user.id'))
    .execute();
  await db.schema.createIndex('integration_api_token_hash_key').on('integration_api_token').column('token_hash').unique().execute();

  await db.schema
    .createTable('integration_webhook_endpoint')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('event_types', sql`text[]`, (col) => col.notNull())
    // Kept as is: the signature needs it. Shown once, at creation.
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  // When the webhook job turned the event into its deliveries; null: not yet.
  await db.schema.alterTable('integration_event').addColumn('dispatched_at', 'timestamptz').execute();
  await db.schema.createIndex('integration_event_undispatched_idx').on('integration_event').column('created_at').where(sql.ref('dispatched_at'), 'is', null).execute();

  await db.schema
    .createTable('integration_webhook_delivery')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('event_id', 'uuid', (col) => col.notNull().references('integration_event.id'))
    .addColumn('endpoint_id', 'uuid', (col) => col.notNull().references('integration_webhook_endpoint.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'delivered', 'failed')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    // A worker holds the delivery while it sends, so two runs never post it at once.
    .addColumn('claimed_until', 'timestamptz')
    // Retries stop here and the delivery is marked failed.
    .addColumn('deadline_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('integration_webhook_delivery_event_endpoint_key', ['event_id', 'endpoint_id'])
    .execute();
  await db.schema
    .createIndex('integration_webhook_delivery_due_idx')
    .on('integration_webhook_delivery')
    .column('next_attempt_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('integration_webhook_delivery_endpoint_idx').on('integration_webhook_delivery').columns(['endpoint_id', 'id']).execute();
}
