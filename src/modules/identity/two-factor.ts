import QRCode from 'qrcode';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getProviderName } from '../settings/index.ts';
import { withCredentials } from './account.ts';
import { completeSecretFlow, countFlowAttempt, failPendingUserFlows, lockNewestUserFlow, setTotp } from './account-store.ts';
import { requireFreshLogin } from './auth.ts';
import { deliverNotice, withDb, type IdentityContext } from './context.ts';
import { FlowNotFoundError, StaffTwoFactorRequiredError, TwoFactorAlreadyEnabledError, TwoFactorNotEnabledError, UnauthenticatedError } from './errors.ts';
import { assertUsable, CODE_MAX_ATTEMPTS, startFlow, wrongCode } from './flows.ts';
import type { Authenticated } from './sessions.ts';
import { newBackupCodes, newTotpSecret, replaceBackupCodes, totpUri, verifyTotp } from './totp.ts';
import { findUserById, normalizeEmail } from './users.ts';

/**
 * TOTP enrolment: setup keeps a pending secret in a `totp_setup` flow (10 minutes, 5 wrong codes,
 * the newest setup wins); enable proves the authenticator app holds it and moves it to the user.
 */

interface TotpSetupPayload {
  secret: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export async function setupTwoFactor(ctx: IdentityContext, auth: Authenticated): Promise<TotpSetup> {
  requireFreshLogin(auth, ctx.now);
  if (auth.user.totpEnabled) throw new TwoFactorAlreadyEnabledError();
  const secret = newTotpSecret();
  const otpauthUri = totpUri(secret, await getProviderName(ctx.db), auth.user.email);
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg' });
  await ctx.db.transaction().execute(async (trx) => {
    // The flow's own one-time code is never sent: the app's TOTP code is what confirms it.
    const payload: TotpSetupPayload = { secret };
    const flow = await startFlow(trx, ctx.now, { kind: 'totp_setup', userId: auth.user.id, channel: 'email', address: normalizeEmail(auth.user.email), payload: { ...payload } });
    await failPendingUserFlows(trx, auth.user.id, ['totp_setup'], flow.id);
    await recordAudit(trx, ctx.now, { event: 'two_factor.setup_started', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin });
  });
  return { secret, otpauthUri, qrSvg };
}

/** Turns two-factor on; the backup codes are returned this once and kept only as hashes. */
export async function enableTwoFactor(ctx: IdentityContext, auth: Authenticated, code: string): Promise<{ backupCodes: string[] }> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, auth.user.id);
    if (!user) throw new UnauthenticatedError();
    if (user.totp_enabled_at !== null) throw new TwoFactorAlreadyEnabledError();
    const flow = await lockNewestUserFlow(trx, user.id, 'totp_setup');
    if (!flow) throw new FlowNotFoundError();
    assertUsable(flow, ctx.now);
    const { secret } = flow.payload as unknown as TotpSetupPayload;
    const step = await verifyTotp(secret, code.trim(), ctx.now, null);
    if (step === undefined) {
      await countFlowAttempt(trx, flow, CODE_MAX_ATTEMPTS);
      return { error: wrongCode(flow) } as const;
    }
    await setTotp(trx, user.id, ctx.now, { secret, step });
    const backupCodes = newBackupCodes();
    await replaceBackupCodes(trx, user.id, backupCodes);
    await completeSecretFlow(trx, flow.id, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'two_factor.enabled', actorId: user.id, subjectId: user.id, origin: ctx.origin });
    await deliverNotice(withDb(ctx, trx), user.email, 'two_factor_enabled');
    return { result: { backupCodes } } as const;
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/** Needs the password and a current code (TOTP or backup). Staff must keep two-factor on. */
export async function disableTwoFactor(ctx: IdentityContext, auth: Authenticated, input: { password: string; code: string }): Promise<void> {
  if (auth.user.kind === 'staff') throw new StaffTwoFactorRequiredError();
  requireFreshLogin(auth, ctx.now);
  if (!auth.user.totpEnabled) throw new TwoFactorNotEnabledError();
  await withCredentials(ctx, auth, { ...input, secondFactor: true }, async (trx, user) => {
    await setTotp(trx, user.id, ctx.now, null);
    await recordAudit(trx, ctx.now, { event: 'two_factor.disabled', actorId: user.id, subjectId: user.id, origin: ctx.origin });
    await deliverNotice(withDb(ctx, trx), user.email, 'two_factor_disabled');
  });
}

/** New backup codes replace all the old ones, used or not. */
export async function regenerateBackupCodes(ctx: IdentityContext, auth: Authenticated): Promise<{ backupCodes: string[] }> {
  requireFreshLogin(auth, ctx.now);
  if (!auth.user.totpEnabled) throw new TwoFactorNotEnabledError();
  const backupCodes = newBackupCodes();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceBackupCodes(trx, auth.user.id, backupCodes);
    await recordAudit(trx, ctx.now, { event: 'two_factor.backup_codes_regenerated', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin });
    await deliverNotice(withDb(ctx, trx), auth.user.email, 'backup_codes_regenerated');
  });
  return { backupCodes };
}
