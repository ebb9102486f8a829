import { sql, type Kysely } from 'kysely';

/**
 * Accounts and money, the core: contracts, the append-only ledger with the balance kept in step on
 * the account row, blocks and their history, daily usage, idempotency keys of HTTP requests, and the
 * outbox of integration events (webhooks). Customer-owned tables carry customer_id first in their
 * keys (Citus-ready).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts_contract')
    .addColumn('customer_id', 'uuid', (col) => col.notNull().references('party_customer.id'))
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('signed_on', 'date')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active').check(sql`status in ('active', 'closed')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('accounts_contract_pkey', ['customer_id', 'id'])
    .execute();
  await db.schema.createIndex('accounts_contract_number_key').on('accounts_contract').column('number').unique().execute();

  // The balance is the sum of the account's ledger entries, kept in step in the posting transaction.
  await db.schema.alterTable('accounts_account').addColumn('balance', 'bigint', (col) => col.notNull().defaultTo(0)).execute();
  // Blocked for debt when the balance falls below this; null: never blocked for debt (e.g. water).
  await db.schema.alterTable('accounts_account').addColumn('block_threshold', 'bigint').execute();
  await db.schema.createIndex('accounts_account_customer_idx').on('accounts_account').columns(['customer_id', 'number']).execute();

  await db.schema
    .createTable('accounts_ledger_entry')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    // Who posted it names it: the billing system's id, `gateway:<payment>`, `periodic:<account>:<service>:<period>`…
    .addColumn('external_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('charge', 'payment', 'correction', 'promised_credit', 'promised_reversal')`),
    )
    // The effect on the balance in kopecks: charges and reversals negative, payments and credits positive.
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('charge_type', 'text', (col) => col.check(sql`charge_type in ('one_time', 'periodic')`))
    .addColumn('service_code', 'text')
    .addColumn('period', 'date')
    .addColumn('description', 'text')
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('accounts_ledger_entry_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('accounts_ledger_entry_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .addCheckConstraint(
      'accounts_ledger_entry_sign',
      sql`(kind in ('charge', 'promised_reversal') and amount < 0) or (kind in ('payment', 'promised_credit') and amount > 0) or (kind = 'correction' and amount <> 0)`,
    )
    .addCheckConstraint('accounts_ledger_entry_charge_type', sql`(kind = 'charge') = (charge_type is not null)`)
    .execute();
  await db.schema.createIndex('accounts_ledger_entry_external_id_key').on('accounts_ledger_entry').column('external_id').unique().execute();
  await db.schema
    .createIndex('accounts_ledger_entry_account_idx')
    .on('accounts_ledger_entry')
    .columns(['customer_id', 'account_id', 'occurred_at', 'id'])
    .execute();

  await db.schema
    .createTable('accounts_block')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`reason in ('debt', 'voluntary', 'staff')`))
    .addColumn('note', 'text')
    .addColumn('started_at', 'timestamptz', (col) => col.notNull())
    .addColumn('started_by', 'uuid', (col) => col.references('identity_user.id'))
    // A voluntary block (vacation) may be planned to end on a date.
    .addColumn('planned_end', 'date')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('ended_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('end_note', 'text')
    .addPrimaryKeyConstraint('accounts_block_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('accounts_block_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .execute();
  // At most one open block per account and reason.
  await db.schema
    .createIndex('accounts_block_open_key')
    .on('accounts_block')
    .columns(['customer_id', 'account_id', 'reason'])
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema.createIndex('accounts_block_account_idx').on('accounts_block').columns(['customer_id', 'account_id', 'started_at']).execute();

  await db.schema
    .createTable('accounts_usage')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('metric', 'text', (col) => col.notNull().check(sql`metric in ('traffic_mb', 'water_m3', 'electricity_kwh', 'operations')`))
    .addColumn('quantity', 'numeric(14, 3)', (col) => col.notNull().check(sql`quantity >= 0`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('accounts_usage_pkey', ['customer_id', 'account_id', 'metric', 'day'])
    .addForeignKeyConstraint('accounts_usage_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .execute();

  // A POST with an Idempotency-Key: its first answer, replayed to a retry with the same body.
  await db.schema
    .createTable('http_idempotency')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('http_idempotency_pkey', ['scope', 'key'])
    .execute();
  await db.schema.createIndex('http_idempotency_created_idx').on('http_idempotency').column('created_at').execute();

  // Events for the provider's systems (payments, plan changes), written in the business transaction.
  await db.schema
    .createTable('integration_event')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'uuid')
    .addColumn('data', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
}
