import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import { clientKey, hit } from '../../platform/throttle/throttle.ts';
import { deliverCode, deliverNotice, withDb, type IdentityContext } from './context.ts';
import { FlowExpiredError, TooManyAttemptsError } from './errors.ts';
import { assertCodeSendAllowed, assertUsable, checkCode, completeFlow, lockFlow, replaceCode, startFlow, supersedeFlows, wrongCode } from './flows.ts';
import { checkPasswordPolicy, hashPassword } from './password.ts';
import { createSession } from './sessions.ts';
import { findUserByEmail, findUserByPhone, insertUser, normalizeEmail, normalizePhone } from './users.ts';

/** Versions of the documents a person accepts when registering; recorded with the acceptance. */
export const CONSENT_VERSIONS = { terms: '2026-11-25', personal_data: '2026-11-25' } as const;

export interface RegistrationInput {
  name: string;
  email: string;
  phone?: string;
  password: string;
}

interface RegistrationPayload {
  name: string;
  email: string;
  phone: string | null;
  passwordHash: string;
  locale: 'ru' | 'en';
  /** The address already belongs to someone: no code was sent, the owner was told instead. */
  taken: boolean;
}

const START_LIMIT = { max: 20, windowSeconds: 3600 };

function invalidPhone(): AppError {
  return new AppError('validation_failed', 400, {
    errors: [{ field: 'phone', code: 'invalid_phone', message: { ru: 'Укажите номер в формате +7 916 123-45-67.', en: 'Enter the number as +7 916 123-45-67.' } }],
  });
}

/**
 * Starts a registration. Nothing exists until the email code is confirmed, so pre-registering
 * somebody's address gains nothing; a taken address gets the same answer, and its owner a notice.
 */
export async function startRegistration(ctx: IdentityContext, input: RegistrationInput): Promise<{ flowId: string }> {
  checkPasswordPolicy(input.password);
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone === undefined) throw invalidPhone();
  const limit = await hit(ctx.db, `register:ip:${clientKey(ctx.origin.ip ?? 'unknown')}`, START_LIMIT, ctx.now);
  if (!limit.allowed) throw new TooManyAttemptsError(limit.retryAfterSeconds);
  await assertCodeSendAllowed(ctx.db, ctx.now, normalizeEmail(input.email), ctx.origin);
  const passwordHash = await hashPassword(input.password);

  return ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    const address = normalizeEmail(input.email);
    const taken = (await findUserByEmail(trx, address)) !== undefined;
    const payload: RegistrationPayload = { name: input.name.trim(), email: input.email.trim(), phone, passwordHash, locale: ctx.locale, taken };
    const flow = await startFlow(trx, ctx.now, { kind: 'registration', userId: null, channel: 'email', address, payload: { ...payload } });
    await supersedeFlows(trx, 'registration', address, flow.id);
    if (taken) await deliverNotice(tx, address, 'registration_attempt');
    else await deliverCode(tx, 'email', address, 'registration', flow.code);
    await recordAudit(trx, ctx.now, { event: taken ? 'registration.address_taken' : 'registration.code_sent', origin: ctx.origin, details: { email: address } });
    return { flowId: flow.id };
  });
}

export async function resendRegistrationCode(ctx: IdentityContext, flowId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const flow = await lockFlow(trx, flowId, 'registration');
    assertUsable(flow, ctx.now);
    const code = await replaceCode(trx, flow, ctx.now);
    if (!(flow.payload as unknown as RegistrationPayload).taken) await deliverCode(withDb(ctx, trx), 'email', flow.address, 'registration', code);
  });
}

export interface RegisteredUser {
  userId: string;
  session: { token: string; maxAgeSeconds: number | undefined };
  /** When a phone was given: the flow whose SMS code confirms it. */
  phoneFlowId: string | null;
}

/** Confirms the email code: the account is created, consents recorded, and the person signed in. */
export async function confirmRegistration(ctx: IdentityContext, flowId: string, code: string): Promise<RegisteredUser> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    const flow = await lockFlow(trx, flowId, 'registration');
    assertUsable(flow, ctx.now);
    if (!(await checkCode(trx, flow, code))) return { error: wrongCode(flow) } as const;
    const payload = flow.payload as unknown as RegistrationPayload;
    // A second flow for the same address may have been confirmed first.
    if (payload.taken || (await findUserByEmail(trx, payload.email))) return { error: new FlowExpiredError() } as const;

    const userId = uuidv7();
    const phoneFree = payload.phone !== null && (await findUserByPhone(trx, payload.phone)) === undefined;
    await insertUser(trx, {
      id: userId,
      kind: 'customer',
      staffRole: null,
      name: payload.name,
      email: payload.email,
      phone: null,
      passwordHash: payload.passwordHash,
      locale: payload.locale,
      now: ctx.now,
    });
    await trx
      .insertInto('identity_consent')
      .values(Object.entries(CONSENT_VERSIONS).map(([document, version]) => ({ user_id: userId, document, version, accepted_at: flow.issued_at, ip: ctx.origin.ip })))
      .execute();
    await completeFlow(trx, flow.id, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'user.registered', actorId: userId, subjectId: userId, origin: ctx.origin });

    let phoneFlowId: string | null = null;
    if (payload.phone && phoneFree) {
      const phoneFlow = await startFlow(trx, ctx.now, { kind: 'phone_verification', userId, channel: 'sms', address: payload.phone });
      await deliverCode(tx, 'sms', payload.phone, 'phone_verification', phoneFlow.code);
      phoneFlowId = phoneFlow.id;
    }
    const session = await createSession(trx, ctx.now, { userId, kind: 'customer', state: 'active', remember: false, origin: ctx.origin });
    return { result: { userId, session, phoneFlowId } } as const;
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}
