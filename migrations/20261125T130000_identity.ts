import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('subject_id', 'uuid')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_event_subject_idx').on('audit_event').columns(['subject_id', 'at']).execute();
  await db.schema.createIndex('audit_event_actor_idx').on('audit_event').columns(['actor_id', 'at']).execute();

  // Fixed-window counters for throttling; shared by every process through the database.
  await db.schema
    .createTable('throttle_counter')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('window_start', 'timestamptz', (col) => col.notNull())
    .addColumn('hits', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('identity_user')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('customer', 'staff')`))
    .addColumn('staff_role', 'text', (col) => col.check(sql`staff_role in ('administrator', 'moderator', 'operator', 'accountant')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('email_normalized', 'text', (col) => col.notNull())
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('password_changed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('must_change_password', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active').check(sql`status in ('active', 'blocked')`))
    .addColumn('blocked_reason', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('locale', 'text', (col) => col.notNull().defaultTo('ru').check(sql`locale in ('ru', 'en')`))
    .addColumn('marketing_opt_in', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('notify_by_sms', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint('identity_user_staff_has_role', sql`(kind = 'staff') = (staff_role is not null)`)
    .execute();
  await db.schema.createIndex('identity_user_email_key').on('identity_user').column('email_normalized').unique().execute();
  await db.schema.createIndex('identity_user_phone_key').on('identity_user').column('phone').unique().where(sql.ref('phone'), 'is not', null).execute();

  await db.schema
    .createTable('identity_consent')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('identity_user.id'))
    .addColumn('document', 'text', (col) => col.notNull())
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('accepted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addPrimaryKeyConstraint('identity_consent_pkey', ['user_id', 'document', 'version'])
    .execute();

  await db.schema
    .createTable('identity_session')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('identity_user.id'))
    .addColumn('token_hash', 'bytea', (col) => col.notNull().unique())
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('active', 'awaiting_second_factor')`))
    .addColumn('remember', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('authenticated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema.createIndex('identity_session_user_idx').on('identity_session').columns(['user_id', 'ended_at']).execute();

  // Self-service flows (Kratos-style): registration, recovery, contact changes, invitations.
  await db.schema
    .createTable('identity_flow')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.references('identity_user.id'))
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('code_hash', 'bytea')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('pending', 'completed', 'failed')`))
    .addColumn('payload', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull())
    .addColumn('code_sent_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('identity_flow_expires_idx').on('identity_flow').column('expires_at').execute();

  await db.schema
    .createTable('identity_backup_code')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('identity_user.id'))
    .addColumn('code_hash', 'bytea', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('identity_backup_code_pkey', ['user_id', 'code_hash'])
    .execute();
}
