import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { IdentityTables, StaffRole, UserKind } from './tables.ts';

export type UserRow = Selectable<IdentityTables['identity_user']>;

/** Emails compare case-insensitively; we store what the person typed and a normalized copy. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Russian numbers in any usual spelling (8 916…, +7 (916) …) become E.164 (+7916…). */
export function normalizePhone(phone: string): string | undefined {
  const digits = phone.replace(/[\s()-]/g, '');
  if (/^8\d{10}$/.test(digits)) return `+7${digits.slice(1)}`;
  if (/^\+?7\d{10}$/.test(digits)) return `+${digits.replace(/^\+/, '')}`;
  if (/^\+\d{10,15}$/.test(digits)) return digits;
  return undefined;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('identity_user').selectAll().where('email_normalized', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function findUserByPhone(db: Db, phone: string): Promise<UserRow | undefined> {
  return db.selectFrom('identity_user').selectAll().where('phone', '=', phone).executeTakeFirst();
}

/** A login is an email or a confirmed phone number. */
export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  if (login.includes('@')) return findUserByEmail(db, login);
  const phone = normalizePhone(login);
  return phone ? findUserByPhone(db, phone) : undefined;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('identity_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  user: { id: string; kind: UserKind; staffRole: StaffRole | null; name: string; email: string; phone: string | null; passwordHash: string; locale: 'ru' | 'en'; now: Date },
): Promise<void> {
  await db
    .insertInto('identity_user')
    .values({
      id: user.id,
      kind: user.kind,
      staff_role: user.staffRole,
      name: user.name,
      email: user.email.trim(),
      email_normalized: normalizeEmail(user.email),
      phone: user.phone,
      password_hash: user.passwordHash,
      password_changed_at: user.now,
      locale: user.locale,
      created_at: user.now,
      updated_at: user.now,
    })
    .execute();
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string, now: Date, options: { changed: boolean }): Promise<void> {
  await db
    .updateTable('identity_user')
    .set({
      password_hash: passwordHash,
      updated_at: now,
      ...(options.changed ? { password_changed_at: now, must_change_password: false } : {}),
    })
    .where('id', '=', userId)
    .execute();
}
