import { sql, type Kysely } from 'kysely';

/**
 * «Обещанный платёж»: the provider's rules (one row, edited by administrators) and the promised
 * payments themselves. At most one open promised payment per account — the partial unique index is
 * the guarantee that two simultaneous requests grant one; the open ones are swept at expiry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('promised_settings')
    .addColumn('id', 'boolean', (col) => col.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('enabled', 'boolean', (col) => col.notNull().defaultTo(true))
    // 'amount': at most max_amount kopecks; 'days': at most max_days days of the account's monthly charges.
    .addColumn('limit_kind', 'text', (col) => col.notNull().defaultTo('amount').check(sql`limit_kind in ('amount', 'days')`))
    .addColumn('max_amount', 'bigint', (col) => col.notNull().defaultTo(50_000).check(sql`max_amount > 0`))
    .addColumn('max_days', 'integer', (col) => col.notNull().defaultTo(7).check(sql`max_days between 1 and 31`))
    .addColumn('duration_days', 'integer', (col) => col.notNull().defaultTo(3).check(sql`duration_days between 1 and 30`))
    .addColumn('min_interval_days', 'integer', (col) => col.notNull().defaultTo(30).check(sql`min_interval_days between 0 and 365`))
    .addColumn('min_account_age_days', 'integer', (col) => col.notNull().defaultTo(30).check(sql`min_account_age_days between 0 and 3650`))
    .addColumn('require_negative_balance', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (col) => col.references('identity_user.id'))
    .execute();
  await db.insertInto('promised_settings').values({ id: true }).execute();

  await db.schema
    .createTable('promised_payment')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'reversed')`))
    .addColumn('granted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('granted_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('reversed_at', 'timestamptz')
    .addPrimaryKeyConstraint('promised_payment_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('promised_payment_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .addCheckConstraint('promised_payment_reversed', sql`(status = 'reversed') = (reversed_at is not null)`)
    .execute();
  await db.schema
    .createIndex('promised_payment_open_key')
    .on('promised_payment')
    .columns(['customer_id', 'account_id'])
    .unique()
    .where(sql<boolean>`status = 'open'`)
    .execute();
  await db.schema.createIndex('promised_payment_account_idx').on('promised_payment').columns(['customer_id', 'account_id', 'granted_at']).execute();
  await db.schema.createIndex('promised_payment_expiry_idx').on('promised_payment').column('expires_at').where(sql<boolean>`status = 'open'`).execute();
}
