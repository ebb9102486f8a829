import { sql, type Kysely } from 'kysely';

/**
 * Paying online and invoices: payments through a gateway (customer-owned, customer_id first in the
 * keys), «Счёт на оплату» with its public link (only the token's hash is kept), the provider's bank
 * requisites (one row, set by administrators), and the built-in test gateway's own payments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payments_invoice')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('purpose', 'text', (col) => col.notNull())
    // The payer as it was when the invoice was issued: a document does not change afterwards.
    .addColumn('payer_name', 'text', (col) => col.notNull())
    .addColumn('payer_inn', 'text')
    .addColumn('payer_kpp', 'text')
    // sha256 of the public link's token; the token itself is shown once, to whoever issued the invoice.
    .addColumn('token_hash', 'text', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('paid_at', 'timestamptz')
    .addPrimaryKeyConstraint('payments_invoice_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('payments_invoice_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .execute();
  await db.schema.createIndex('payments_invoice_number_key').on('payments_invoice').column('number').unique().execute();
  await db.schema.createIndex('payments_invoice_token_key').on('payments_invoice').column('token_hash').unique().execute();
  await db.schema.createIndex('payments_invoice_account_idx').on('payments_invoice').columns(['customer_id', 'account_id', 'created_at']).execute();
  await sql`create sequence payments_invoice_number_seq`.execute(db);

  await db.schema
    .createTable('payments_payment')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    // Also the idempotency key of the gateway call: a retried call can never create a second payment there.
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'succeeded', 'canceled')`))
    .addColumn('gateway', 'text', (col) => col.notNull())
    // Null until the gateway has answered the create call (its outcome may be unknown for a while).
    .addColumn('gateway_payment_id', 'text')
    .addColumn('confirmation_url', 'text')
    // Sent with every create call: a repeated call with the same idempotency key must be the same request.
    .addColumn('return_url', 'text', (col) => col.notNull())
    .addColumn('invoice_id', 'uuid')
    // Null when paid through an invoice's public link by someone not signed in.
    .addColumn('created_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('settled_at', 'timestamptz')
    .addPrimaryKeyConstraint('payments_payment_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('payments_payment_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .addForeignKeyConstraint('payments_payment_invoice_fkey', ['customer_id', 'invoice_id'], 'payments_invoice', ['customer_id', 'id'])
    .execute();
  await db.schema.createIndex('payments_payment_gateway_key').on('payments_payment').columns(['gateway', 'gateway_payment_id']).unique().execute();
  await db.schema.createIndex('payments_payment_account_idx').on('payments_payment').columns(['customer_id', 'account_id', 'created_at']).execute();
  // What the reconciliation job walks: payments whose outcome we do not know yet.
  await db.schema
    .createIndex('payments_payment_pending_idx')
    .on('payments_payment')
    .column('created_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  // The provider's bank requisites for invoices and the payment QR code (GOST R 56042-2014).
  await db.schema
    .createTable('payments_requisites')
    .addColumn('id', 'boolean', (col) => col.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('payee_name', 'text', (col) => col.notNull())
    .addColumn('inn', 'text', (col) => col.notNull())
    .addColumn('kpp', 'text')
    .addColumn('address', 'text')
    .addColumn('bank_name', 'text', (col) => col.notNull())
    .addColumn('bic', 'text', (col) => col.notNull())
    .addColumn('settlement_account', 'text', (col) => col.notNull())
    .addColumn('correspondent_account', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  // The built-in test gateway's side: what a real gateway keeps on its own servers.
  await db.schema
    .createTable('payments_test_gateway_payment')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('return_url', 'text', (col) => col.notNull())
    .addColumn('metadata', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'succeeded', 'canceled')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('decided_at', 'timestamptz')
    .execute();
}
