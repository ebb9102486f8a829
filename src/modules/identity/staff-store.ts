import type { Db } from '../../platform/db/database.ts';
import { likePattern } from '../../platform/db/like.ts';
import type { StaffRole } from './tables.ts';

/** A staff member as the back office shows them: never the password or TOTP secret. */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  status: 'active' | 'blocked';
  blockedReason: string | null;
  totpEnabled: boolean;
  createdAt: Date;
}

/** A customer as staff may see them. */
export interface CustomerSummary {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  status: 'active' | 'blocked';
  blockedReason: string | null;
  twoFactorEnabled: boolean;
  createdAt: Date;
}

const staffColumns = [
  'id',
  'name',
  'email',
  'staff_role as role',
  'status',
  'blocked_reason as blockedReason',
  'totp_enabled_at as totpEnabledAt',
  'created_at as createdAt',
] as const;

const customerColumns = [
  'id',
  'name',
  'email',
  'phone',
  'status',
  'blocked_reason as blockedReason',
  'totp_enabled_at as totpEnabledAt',
  'created_at as createdAt',
] as const;

function toStaff({ totpEnabledAt, role, ...row }: { totpEnabledAt: Date | null; role: StaffRole | null } & Omit<StaffMember, 'totpEnabled' | 'role'>): StaffMember {
  // Staff rows always carry a role: the check constraint identity_user_staff_has_role.
  return { ...row, role: role as StaffRole, totpEnabled: totpEnabledAt !== null };
}

function toCustomer({ totpEnabledAt, ...row }: { totpEnabledAt: Date | null } & Omit<CustomerSummary, 'twoFactorEnabled'>): CustomerSummary {
  return { ...row, twoFactorEnabled: totpEnabledAt !== null };
}

export async function selectStaff(db: Db): Promise<StaffMember[]> {
  const rows = await db.selectFrom('identity_user').select(staffColumns).where('kind', '=', 'staff').orderBy('name').orderBy('id').execute();
  return rows.map(toStaff);
}

/** One staff member, locked for the rest of the transaction when `forUpdate`. */
export async function selectStaffMember(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StaffMember | undefined> {
  const row = await db
    .selectFrom('identity_user')
    .select(staffColumns)
    .where('id', '=', id)
    .where('kind', '=', 'staff')
    .$if(options.forUpdate === true, (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row && toStaff(row);
}

/**
 * Locks every active administrator row: two administrators demoting or blocking each other at once
 * queue up here, so the second sees the first's change and the last one always stays.
 */
export async function lockActiveAdministrators(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('identity_user')
    .select('id')
    .where('kind', '=', 'staff')
    .where('staff_role', '=', 'administrator')
    .where('status', '=', 'active')
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

export async function updateStaffRole(db: Db, id: string, role: StaffRole, now: Date): Promise<void> {
  await db.updateTable('identity_user').set({ staff_role: role, updated_at: now }).where('id', '=', id).where('kind', '=', 'staff').execute();
}

export async function updateUserStatus(db: Db, id: string, change: { status: 'active' | 'blocked'; reason: string | null }, now: Date): Promise<void> {
  await db.updateTable('identity_user').set({ status: change.status, blocked_reason: change.reason, updated_at: now }).where('id', '=', id).execute();
}

/** Customers whose email, phone or name contains `query`, newest first, paged by id (UUIDv7). */
export async function selectCustomers(db: Db, options: { query?: string; before?: string; limit: number }): Promise<CustomerSummary[]> {
  const query = options.query?.trim();
  const rows = await db
    .selectFrom('identity_user')
    .select(customerColumns)
    .where('kind', '=', 'customer')
    .$if(Boolean(query), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('email_normalized', 'like', likePattern(query!.toLowerCase())),
          eb('phone', 'like', likePattern(query!.replace(/[\s()-]/g, ''))),
          eb('name', 'ilike', likePattern(query!)),
        ]),
      ),
    )
    .$if(options.before !== undefined, (qb) => qb.where('id', '<', options.before!))
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(toCustomer);
}

export async function selectCustomer(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<(CustomerSummary & { locale: 'ru' | 'en' }) | undefined> {
  const row = await db
    .selectFrom('identity_user')
    .select([...customerColumns, 'locale'])
    .where('id', '=', id)
    .where('kind', '=', 'customer')
    .$if(options.forUpdate === true, (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row && { ...toCustomer(row), locale: row.locale };
}

/** Invitations outlive the 10-minute codes of self-service flows: a person may read the mail tomorrow. */
export async function setFlowExpiry(db: Db, flowId: string, expiresAt: Date): Promise<void> {
  await db.updateTable('identity_flow').set({ expires_at: expiresAt }).where('id', '=', flowId).execute();
}

/** Removes TOTP and backup codes of a user. */
export async function clearTwoFactor(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('identity_user').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now }).where('id', '=', userId).execute();
  await db.deleteFrom('identity_backup_code').where('user_id', '=', userId).execute();
}
