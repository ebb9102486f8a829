import { sql, type Kysely } from 'kysely';

/**
 * Customers (parties), who acts for them, and how they get there: company moderation, join requests,
 * subscriber-code activation, family profiles. Customer-owned tables carry customer_id first in their
 * primary and foreign keys (Citus-ready).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('party_customer')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('individual', 'legal_entity', 'sole_proprietor')`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'active', 'rejected', 'blocked')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text')
    .addColumn('inn', 'text')
    .addColumn('kpp', 'text')
    .addColumn('ogrn', 'text')
    .addColumn('legal_address', 'text')
    .addColumn('head_name', 'text')
    .addColumn('head_title', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('birth_date', 'date')
    // What the company registry said about the entered details when the company was registered.
    .addColumn('registry_check', 'text', (col) => col.check(sql`registry_check in ('confirmed', 'mismatch', 'not_found', 'unavailable')`))
    .addColumn('registry_data', 'jsonb')
    .addColumn('status_reason', 'text')
    .addColumn('created_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('decided_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint('party_customer_company_has_inn', sql`kind = 'individual' or inn is not null`)
    .execute();
  // One company per INN (+KPP for a branch); a rejected registration frees the INN.
  await db.schema
    .createIndex('party_customer_tax_id_key')
    .on('party_customer')
    .expression(sql`inn, coalesce(kpp, '')`)
    .unique()
    .where(sql<boolean>`kind <> 'individual' and status <> 'rejected'`)
    .execute();
  await db.schema.createIndex('party_customer_status_idx').on('party_customer').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('party_membership')
    .addColumn('customer_id', 'uuid', (col) => col.notNull().references('party_customer.id'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('identity_user.id'))
    .addColumn('role', 'text', (col) =>
      col.notNull().check(sql`role in ('head', 'administrator', 'accountant', 'employee', 'self', 'guardian', 'representative')`),
    )
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'active', 'blocked', 'ended')`))
    // Why a pending membership waits: both approvals of a join request, signed papers, a staff code.
    .addColumn('pending_step', 'text', (col) => col.check(sql`pending_step in ('join_approval', 'activation', 'verification')`))
    .addColumn('relation', 'text', (col) => col.check(sql`relation in ('child', 'parent', 'spouse', 'other')`))
    // A guardian's access to a child's profile ends on the child's 18th birthday.
    .addColumn('valid_until', 'date')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('party_membership_pkey', ['customer_id', 'user_id'])
    .addCheckConstraint('party_membership_pending_has_step', sql`(status = 'pending') = (pending_step is not null)`)
    .execute();
  await db.schema.createIndex('party_membership_user_idx').on('party_membership').columns(['user_id']).execute();
  await db.schema
    .createIndex('party_membership_pending_idx')
    .on('party_membership')
    .columns(['pending_step', 'created_at'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('party_join_request')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'approved', 'rejected', 'withdrawn')`))
    .addColumn('moderator_decision', 'text', (col) => col.check(sql`moderator_decision in ('approved', 'rejected')`))
    .addColumn('moderator_id', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('moderator_decided_at', 'timestamptz')
    .addColumn('company_decision', 'text', (col) => col.check(sql`company_decision in ('approved', 'rejected')`))
    .addColumn('company_decider_id', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('company_decided_at', 'timestamptz')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('party_join_request_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('party_join_request_membership_fkey', ['customer_id', 'user_id'], 'party_membership', ['customer_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('party_join_request_open_key')
    .on('party_join_request')
    .columns(['customer_id', 'user_id'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('party_join_request_status_idx').on('party_join_request').columns(['status', 'created_at']).execute();

  // The local company registry (reference data loaded by `kabinet import registry`).
  await db.schema
    .createTable('party_registry_entry')
    .addColumn('inn', 'text', (col) => col.notNull())
    .addColumn('kpp', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('legal_entity', 'sole_proprietor')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text')
    .addColumn('ogrn', 'text')
    .addColumn('legal_address', 'text')
    .addColumn('head_name', 'text')
    .addColumn('head_title', 'text')
    .addColumn('liquidated', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('party_registry_entry_pkey', ['inn', 'kpp'])
    .execute();

  // The provider's existing accounts; the accounts module owns this table and extends it.
  await db.schema
    .createTable('accounts_account')
    .addColumn('customer_id', 'uuid', (col) => col.notNull().references('party_customer.id'))
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('subscriber_code', 'text', (col) => col.check(sql`subscriber_code ~ '^[0-9]{1,5}$'`))
    .addColumn('contract_number', 'text')
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('internet', 'water', 'acquiring', 'trade')`))
    .addColumn('address', 'text')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active').check(sql`status in ('active', 'closed')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('accounts_account_pkey', ['customer_id', 'id'])
    .execute();
  await db.schema.createIndex('accounts_account_number_key').on('accounts_account').column('number').unique().execute();
  await db.schema
    .createIndex('accounts_account_subscriber_code_key')
    .on('accounts_account')
    .column('subscriber_code')
    .unique()
    .where(sql.ref('subscriber_code'), 'is not', null)
    .execute();

  // A subscriber code proven to be someone's, waiting for them to register and sign in.
  await db.schema
    .createTable('party_subscriber_claim')
    .addColumn('token_hash', 'bytea', (col) => col.primaryKey())
    .addColumn('customer_id', 'uuid', (col) => col.notNull().references('party_customer.id'))
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('completed_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('completed_at', 'timestamptz')
    .addForeignKeyConstraint('party_subscriber_claim_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .execute();

  await db.schema
    .createTable('party_activation')
    .addColumn('customer_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    .addColumn('account_id', 'uuid', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('awaiting_papers', 'activated', 'rejected')`))
    .addColumn('papers_received_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('reason', 'text')
    .addColumn('scan', 'bytea')
    .addColumn('scan_type', 'text')
    .addColumn('scan_name', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('party_activation_pkey', ['customer_id', 'id'])
    .addForeignKeyConstraint('party_activation_membership_fkey', ['customer_id', 'user_id'], 'party_membership', ['customer_id', 'user_id'])
    .addForeignKeyConstraint('party_activation_account_fkey', ['customer_id', 'account_id'], 'accounts_account', ['customer_id', 'id'])
    .execute();
  await db.schema.createIndex('party_activation_status_idx').on('party_activation').columns(['status', 'created_at']).execute();

  // One-time codes staff issue for a person's profile (family access, taking over one's own profile).
  await db.schema
    .createTable('party_profile_code')
    .addColumn('customer_id', 'uuid', (col) => col.notNull().references('party_customer.id'))
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('code_hash', 'bytea', (col) => col.notNull())
    .addColumn('issued_by', 'uuid', (col) => col.notNull().references('identity_user.id'))
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('used_by', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('party_profile_code_pkey', ['customer_id', 'id'])
    .execute();
  await db.schema.createIndex('party_profile_code_hash_key').on('party_profile_code').column('code_hash').unique().execute();
}
