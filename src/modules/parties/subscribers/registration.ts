import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { clientKey, hit, peekAll, type Limit } from '../../../platform/throttle/throttle.ts';
import { findAccountBySubscriberCode, getAccount, type Account } from '../../accounts/index.ts';
import { getPerson, TooManyAttemptsError, type SessionUser } from '../../identity/index.ts';
import { cabinetLink, notify, type SubscribersContext } from './context.ts';
import {
  AlreadyMemberError,
  ClaimExpiredError,
  ClaimNotFoundError,
  CodeTakenError,
  CustomerHasHeadError,
  DetailMismatchError,
  StaffCannotRegisterError,
  SubscriberNotConfirmableError,
  SubscriberNotFoundError,
} from './errors.ts';
import {
  completeClaim,
  findAwaitingActivations,
  findClaimForUpdate,
  findCustomerCard,
  findLiveMembers,
  findUserActivation,
  insertActivation,
  insertClaim,
  lockCustomer,
  upsertPendingHead,
  type Activation,
} from './store.ts';

/** Looking codes up: generous for a person, a wall for someone walking through all 100 000 codes. */
const CHECKS_PER_CLIENT: Limit = { max: 30, windowSeconds: 3600 };
/** Wrong details: 5 per code and 20 per client address an hour. */
export const WRONG_PER_CODE: Limit = { max: 5, windowSeconds: 3600 };
const WRONG_PER_CLIENT: Limit = { max: 20, windowSeconds: 3600 };
/** How long a confirmed code waits for its person to register or sign in. */
export const CLAIM_LIFETIME_SECONDS = 30 * 60;

export type Detail = 'contractNumber' | 'inn';

function codeCounter(code: string): [string, Limit] {
  return [`subscriber:code:${code}`, WRONG_PER_CODE];
}

function clientCounter(ctx: SubscribersContext, prefix: string, limit: Limit): [string, Limit] {
  return [`subscriber:${prefix}:${clientKey(ctx.origin.ip ?? 'unknown')}`, limit];
}

/** Contract numbers are typed as people see them printed: «д-2019 / 4217» is «Д-2019/4217». */
export function normalizeContractNumber(text: string): string {
  return text
    .replace(/№/g, '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/\s/g, '')
    .replace(/[‐‑‒–—―−]/g, '-');
}

async function liveAccount(ctx: SubscribersContext, code: string): Promise<Account> {
  const account = await findAccountBySubscriberCode(ctx.db, code);
  if (!account || account.status !== 'active') throw new SubscriberNotFoundError();
  return account;
}

async function detailsOf(ctx: SubscribersContext, account: Account): Promise<{ details: Detail[]; inn: string | null }> {
  const customer = await findCustomerCard(ctx.db, account.customerId);
  const inn = customer?.inn ?? null;
  return { details: [...(account.contractNumber ? (['contractNumber'] as const) : []), ...(inn ? (['inn'] as const) : [])], inn };
}

/**
 * Step one: is there a subscriber with this code, and which detail proves it is the caller's? The
 * answer names nothing about the subscriber.
 */
export async function checkSubscriberCode(ctx: SubscribersContext, code: string): Promise<{ subscriberCode: string; details: Detail[] }> {
  const state = await hit(ctx.db, ...clientCounter(ctx, 'check', CHECKS_PER_CLIENT), ctx.now);
  if (!state.allowed) throw new TooManyAttemptsError(state.retryAfterSeconds);
  const account = await liveAccount(ctx, code);
  const { details } = await detailsOf(ctx, account);
  if (details.length === 0) throw new SubscriberNotConfirmableError();
  return { subscriberCode: code, details };
}

export interface ConfirmInput {
  subscriberCode: string;
  contractNumber?: string;
  inn?: string;
}

/**
 * Step two: the caller proves the code is theirs with the contract number or the INN. A match gives
 * a claim token (stored hashed, 30 minutes) that the caller redeems once signed in; wrong details
 * count against the code and the client address.
 */
export async function confirmSubscriberCode(
  ctx: SubscribersContext,
  input: ConfirmInput,
  caller: SessionUser | null,
): Promise<{ claimToken: string; expiresAt: Date; subscriberCode: string }> {
  const counters = [codeCounter(input.subscriberCode), clientCounter(ctx, 'wrong', WRONG_PER_CLIENT)];
  const throttled = await peekAll(ctx.db, counters, ctx.now);
  if (!throttled.allowed) throw new TooManyAttemptsError(throttled.retryAfterSeconds);

  const account = await findAccountBySubscriberCode(ctx.db, input.subscriberCode);
  const known = account && account.status === 'active' ? await detailsOf(ctx, account) : undefined;
  const field: Detail = input.contractNumber !== undefined ? 'contractNumber' : 'inn';
  if (!account || !known) {
    // An unknown code counts against the client too: confirming is no way round the lookup limit.
    await hit(ctx.db, ...clientCounter(ctx, 'wrong', WRONG_PER_CLIENT), ctx.now);
    throw new SubscriberNotFoundError();
  }
  if (known.details.length === 0) throw new SubscriberNotConfirmableError();

  const matches =
    field === 'contractNumber'
      ? account.contractNumber !== null && normalizeContractNumber(account.contractNumber) === normalizeContractNumber(input.contractNumber!)
      : known.inn !== null && known.inn === input.inn!.replace(/\D/g, '');
  if (!matches) {
    const attemptsLeft = await ctx.db.transaction().execute(async (trx) => {
      let left = WRONG_PER_CODE.max;
      for (const [key, limit] of counters) {
        const state = await hit(trx, key, limit, ctx.now);
        if (key === counters[0]![0]) left = Math.max(0, limit.max - state.hits);
      }
      await recordAudit(trx, ctx.now, {
        event: 'subscriber.confirm_failed',
        actorId: caller?.id ?? null,
        subjectId: account.customerId,
        origin: ctx.origin,
        details: { accountId: account.id, subscriberCode: input.subscriberCode, field },
      });
      return left;
    });
    throw new DetailMismatchError(field, attemptsLeft);
  }

  // Before the person spends time registering: is the code still free for them?
  await assertClaimable(ctx, account, caller?.id ?? null);
  const claimToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now.getTime() + CLAIM_LIFETIME_SECONDS * 1000);
  await ctx.db.transaction().execute(async (trx) => {
    await insertClaim(trx, { tokenHash: hashClaim(claimToken), customerId: account.customerId, accountId: account.id, expiresAt }, ctx.now);
    await recordAudit(trx, ctx.now, {
      event: 'subscriber.code_confirmed',
      actorId: caller?.id ?? null,
      subjectId: account.customerId,
      origin: ctx.origin,
      details: { accountId: account.id, subscriberCode: input.subscriberCode, field },
    });
  });
  return { claimToken, expiresAt, subscriberCode: input.subscriberCode };
}

function hashClaim(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

type Claimable = { kind: 'free' } | { kind: 'mine'; activation: Activation };

/**
 * Who may become the head of this customer through a subscriber code: nobody else may already be
 * its head (active, blocked, or waiting for activation), and the caller may not already belong to it
 * — except as the head waiting for activation, whose retry gets their registration back.
 */
async function assertClaimable(ctx: SubscribersContext, account: Account, userId: string | null): Promise<Claimable> {
  const members = await findLiveMembers(ctx.db, account.customerId);
  const awaiting = await findAwaitingActivations(ctx.db, account.customerId);
  const mine = userId ? members.find((member) => member.userId === userId) : undefined;
  if (mine) {
    const activation = awaiting.find((candidate) => candidate.userId === userId);
    if (mine.status === 'pending' && mine.pendingStep === 'activation' && activation) return { kind: 'mine', activation };
    throw new AlreadyMemberError();
  }
  if (awaiting.length > 0) throw new CodeTakenError();
  if (members.some((member) => member.role === 'head')) throw new CustomerHasHeadError();
  return { kind: 'free' };
}

export interface Registration {
  customerId: string;
  activationId: string;
  status: Activation['status'];
  subscriberCode: string;
  customerName: string;
}

/**
 * Step three, signed in: redeems the claim. In one transaction the user becomes the customer's head
 * waiting for activation, the activation joins the staff's queue, the claim is spent, the audit
 * records it and the person is mailed what to do next. The same user redeeming the same claim again
 * gets the same registration.
 */
export async function completeSubscriberRegistration(ctx: SubscribersContext, user: SessionUser, claimToken: string): Promise<Registration> {
  if (user.kind === 'staff') throw new StaffCannotRegisterError();
  const tokenHash = hashClaim(claimToken);
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const claim = await findClaimForUpdate(trx, tokenHash);
    if (!claim) throw new ClaimNotFoundError();
    if (claim.completedBy !== null && claim.completedBy !== user.id) throw new ClaimNotFoundError();
    if (claim.completedBy === null && claim.expiresAt <= ctx.now) throw new ClaimExpiredError();
    // One registration at a time per customer: the second of two racing browsers sees the first's rows.
    const customer = await lockCustomer(trx, claim.customerId);
    const account = await getAccount(trx, claim.customerId, claim.accountId);
    if (!customer || !account) throw new ClaimNotFoundError();
    const result = (activation: { id: string; status: Activation['status'] }, code: string): Registration => ({
      customerId: customer.id,
      activationId: activation.id,
      status: activation.status,
      subscriberCode: code,
      customerName: customer.name,
    });

    if (claim.completedBy === user.id) {
      // A retry of a registration that went through: its answer again, whatever happened since.
      const earlier = await findUserActivation(trx, customer.id, user.id);
      if (!earlier) throw new ClaimNotFoundError();
      return result(earlier, (await getAccount(trx, customer.id, earlier.accountId))?.subscriberCode ?? '');
    }
    const claimable = await assertClaimable(tx, account, user.id);
    if (claimable.kind === 'mine') {
      await completeClaim(trx, tokenHash, user.id, ctx.now);
      const registered = await getAccount(trx, customer.id, claimable.activation.accountId);
      return result(claimable.activation, registered?.subscriberCode ?? account.subscriberCode ?? '');
    }

    const activationId = uuidv7();
    await upsertPendingHead(trx, customer.id, user.id, ctx.now);
    await insertActivation(trx, { customerId: customer.id, id: activationId, userId: user.id, accountId: account.id }, ctx.now);
    await completeClaim(trx, tokenHash, user.id, ctx.now);
    await recordAudit(trx, ctx.now, {
      event: 'subscriber.registered',
      actorId: user.id,
      subjectId: customer.id,
      origin: ctx.origin,
      details: { activationId, accountId: account.id, subscriberCode: account.subscriberCode },
    });
    await notify(tx, await getPerson(trx, user.id), { kind: 'registered', subscriber: customer.name, code: account.subscriberCode ?? '', link: cabinetLink(ctx) });
    return result({ id: activationId, status: 'awaiting_papers' }, account.subscriberCode ?? '');
  });
}
