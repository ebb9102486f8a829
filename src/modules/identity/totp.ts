import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Db } from '../../platform/db/database.ts';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, issuer: string, account: string): string {
  return generateURI({ issuer, label: account, secret });
}

/**
 * Checks a TOTP code, allowing one step of clock drift either way; a code (time step) already used
 * is refused, so an intercepted code cannot be replayed. Returns the step to remember, or undefined.
 */
export async function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? Number(result.timeStep) : undefined;
}

/** Marks the step used only if no one used it (or a later one) meanwhile. */
export async function consumeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('identity_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten single-use backup codes like `k7m2-9xqp`; only their hashes are kept. */
export function newBackupCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const chars = Array.from({ length: 8 }, () => BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

export function hashBackupCode(userId: string, code: string): Buffer {
  return createHash('sha256').update(`${userId}:${code.trim().toLowerCase().replace(/\s/g, '')}`).digest();
}

export async function replaceBackupCodes(db: Db, userId: string, codes: string[]): Promise<void> {
  await db.deleteFrom('identity_backup_code').where('user_id', '=', userId).execute();
  await db
    .insertInto('identity_backup_code')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashBackupCode(userId, code), used_at: null })))
    .execute();
}

/** Uses a backup code once: the update succeeds only for an unused code. */
export async function consumeBackupCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('identity_backup_code')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashBackupCode(userId, code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
