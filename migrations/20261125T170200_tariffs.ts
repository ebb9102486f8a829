import { sql, type Kysely } from 'kysely';

/**
 * Tariff plans and add-on services (small reference tables the provider's administrators keep), the
 * plan assignments of each account (its history and at most one scheduled change) and its add-on
 * subscriptions. Customer-owned tables carry customer_id first in their keys and point at the
 * reference tables, never the other way round (Citus: reference tables).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tariffs_plan')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('account_kind', 'text', (col) => col.notNull().check(sql`account_kind in ('internet', 'water', 'acquiring', 'trade')`))
    .addColumn('monthly_price', 'bigint', (col) => col.notNull().check(sql`monthly_price >= 0`))
    // Offered to customers in the cabinet; other plans are assigned by the provider only.
    .addColumn('self_service', 'boolean', (col) => col.notNull().defaultTo(false))
    // A change to this plan applies the same day, prorated by days; otherwise from the next period.
    .addColumn('immediate_change', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active').check(sql`status in ('active', 'archived')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('tariffs_service')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('account_kind', 'text', (col) => col.notNull().check(sql`account_kind in ('internet', 'water', 'acquiring', 'trade')`))
    .addColumn('monthly_price', 'bigint', (col) => col.notNull().check(sql`monthly_price >= 0`))
    .addColumn('self_service', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active').check(sql`status in ('active', 'archived')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  // An account's plans form a chain: each assignment ends (valid_to, exclusive) on the day the next
  // one starts, the last one is open. A cancelled scheduled change leaves the chain but stays in the table.
  await db.schema
    .createTable('tariffs_assignment')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('plan_code', 'text', (col) => col.notNull().references('tariffs_plan.code'))
    .addColumn('valid_from', 'date', (col) => col.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('change_kind', 'text', (col) => col.notNull().check(sql`change_kind in ('assigned', 'next_period', 'immediate')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_by', 'uuid')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancelled_by', 'uuid')
    .addPrimaryKeyConstraint('tariffs_assignment_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('tariffs_assignment_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .addCheckConstraint('tariffs_assignment_dates', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  // One open assignment per account: so at most one current and at most one scheduled plan.
  await db.schema
    .createIndex('tariffs_assignment_open_key')
    .on('tariffs_assignment')
    .columns(['customer_id', 'account_id'])
    .unique()
    .where(sql<boolean>`valid_to is null and cancelled_at is null`)
    .execute();
  await db.schema.createIndex('tariffs_assignment_account_idx').on('tariffs_assignment').columns(['customer_id', 'account_id', 'valid_from']).execute();

  await db.schema
    .createTable('tariffs_subscription')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('service_code', 'text', (col) => col.notNull().references('tariffs_service.code'))
    .addColumn('valid_from', 'date', (col) => col.notNull())
    // Exclusive: the first day the service no longer works; a cancellation sets it to the next period.
    .addColumn('valid_to', 'date')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_by', 'uuid')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancelled_by', 'uuid')
    .addPrimaryKeyConstraint('tariffs_subscription_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('tariffs_subscription_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .addCheckConstraint('tariffs_subscription_dates', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  await db.schema
    .createIndex('tariffs_subscription_open_key')
    .on('tariffs_subscription')
    .columns(['customer_id', 'account_id', 'service_code'])
    .unique()
    .where(sql.ref('valid_to'), 'is', null)
    .execute();
  await db.schema
    .createIndex('tariffs_subscription_account_idx')
    .on('tariffs_subscription')
    .columns(['customer_id', 'account_id', 'service_code', 'valid_from'])
    .execute();
}
