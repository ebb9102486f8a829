import { recordAudit, type RequestOrigin } from '../../../platform/audit/audit.ts';
import { addDays, todayIn } from '../../../platform/dates.ts';
import type { Db } from '../../../platform/db/database.ts';
import { lockAccountState, type AccountState } from '../account-state.ts';
import { closeBlock, listBlocks, openBlock, type Block } from '../blocking.ts';
import { AccountNotFoundError } from '../errors.ts';
import { findAccountsByCodeOrNumber } from '../store.ts';
import { getAccountSummary, type AccountSummary } from '../summary.ts';
import {
  AccountClosedError,
  BlockReasonRequiredError,
  PlannedEndInvalidError,
  StaffBlockExistsError,
  StaffBlockNotOpenError,
  VoluntaryBlockExistsError,
  VoluntaryBlockNotOpenError,
} from './errors.ts';
import { endPlannedBlocks, findOpenBlock } from './store.ts';

export interface BlocksContext {
  db: Db;
  now: Date;
  /** The provider's time zone: a planned end is a date there. */
  timeZone: string;
  origin?: RequestOrigin;
}

/** A vacation block lasts at most this long when planned. */
export const VOLUNTARY_MAX_DAYS = 90;

async function lockActive(trx: Db, customerId: string, accountId: string): Promise<AccountState> {
  const account = await lockAccountState(trx, customerId, accountId);
  if (!account) throw new AccountNotFoundError();
  return account;
}

/**
 * «Добровольная блокировка» (vacation): the customer stops the service, optionally until a date
 * (the block is lifted on that day, in the provider's time zone), at most 90 days ahead and from
 * tomorrow on. A second one while one is in effect is refused.
 */
export async function startVoluntaryBlock(
  ctx: BlocksContext,
  request: { customerId: string; accountId: string; userId: string; plannedEnd: string | null },
): Promise<Block> {
  if (request.plannedEnd !== null) {
    const today = todayIn(ctx.timeZone, ctx.now);
    if (request.plannedEnd <= today) throw new PlannedEndInvalidError('too_early', VOLUNTARY_MAX_DAYS);
    if (request.plannedEnd > addDays(today, VOLUNTARY_MAX_DAYS)) throw new PlannedEndInvalidError('too_late', VOLUNTARY_MAX_DAYS);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const account = await lockActive(trx, request.customerId, request.accountId);
    if (account.status !== 'active') throw new AccountClosedError();
    const opened = await openBlock(
      trx,
      { customerId: account.customerId, accountId: account.id, reason: 'voluntary', note: null, startedBy: request.userId, plannedEnd: request.plannedEnd },
      ctx.now,
    );
    if (!opened) throw new VoluntaryBlockExistsError();
    return (await findOpenBlock(trx, account.customerId, account.id, 'voluntary'))!;
  });
}

/** The customer lifts their voluntary block before its planned end (or when it has none). */
export async function endVoluntaryBlock(ctx: BlocksContext, request: { customerId: string; accountId: string; userId: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const account = await lockActive(trx, request.customerId, request.accountId);
    const closed = await closeBlock(trx, { customerId: account.customerId, accountId: account.id, reason: 'voluntary', endedBy: request.userId, note: null }, ctx.now);
    if (!closed) throw new VoluntaryBlockNotOpenError();
  });
}

function reasonOf(text: string): string {
  const reason = text.trim();
  if (reason === '') throw new BlockReasonRequiredError();
  return reason;
}

/** A block by the provider's staff, with the reason the customer will read; audited. */
export async function blockAccountByStaff(ctx: BlocksContext, request: { customerId: string; accountId: string; staffId: string; reason: string }): Promise<Block> {
  const reason = reasonOf(request.reason);
  return ctx.db.transaction().execute(async (trx) => {
    const account = await lockActive(trx, request.customerId, request.accountId);
    const opened = await openBlock(trx, { customerId: account.customerId, accountId: account.id, reason: 'staff', note: reason, startedBy: request.staffId }, ctx.now);
    if (!opened) throw new StaffBlockExistsError();
    await recordAudit(trx, ctx.now, {
      event: 'accounts.blocked',
      actorId: request.staffId,
      subjectId: account.id,
      ...(ctx.origin ? { origin: ctx.origin } : {}),
      details: { customerId: account.customerId, number: account.number, reason },
    });
    return (await findOpenBlock(trx, account.customerId, account.id, 'staff'))!;
  });
}

/** Lifts the staff block (not a debt block: that one follows the balance); audited. */
export async function unblockAccountByStaff(ctx: BlocksContext, request: { customerId: string; accountId: string; staffId: string; reason: string }): Promise<void> {
  const reason = reasonOf(request.reason);
  await ctx.db.transaction().execute(async (trx) => {
    const account = await lockActive(trx, request.customerId, request.accountId);
    const closed = await closeBlock(trx, { customerId: account.customerId, accountId: account.id, reason: 'staff', endedBy: request.staffId, note: reason }, ctx.now);
    if (!closed) throw new StaffBlockNotOpenError();
    await recordAudit(trx, ctx.now, {
      event: 'accounts.unblocked',
      actorId: request.staffId,
      subjectId: account.id,
      ...(ctx.origin ? { origin: ctx.origin } : {}),
      details: { customerId: account.customerId, number: account.number, reason },
    });
  });
}

export interface StaffAccountSummary extends AccountSummary {
  customerId: string;
}

/** The back office's search box: an account by its number or subscriber code, exactly. */
export async function findAccountsForStaff(db: Db, term: string): Promise<StaffAccountSummary[]> {
  const accounts = await findAccountsByCodeOrNumber(db, term.trim());
  const found: StaffAccountSummary[] = [];
  for (const account of accounts) {
    const summary = await getAccountSummary(db, account.customerId, account.id);
    if (summary) found.push({ customerId: account.customerId, ...summary });
  }
  return found;
}

export async function getAccountForStaff(db: Db, customerId: string, accountId: string): Promise<StaffAccountSummary & { blocks: Block[] }> {
  const summary = await getAccountSummary(db, customerId, accountId);
  if (!summary) throw new AccountNotFoundError();
  return { customerId, ...summary, blocks: await listBlocks(db, customerId, accountId) };
}

/**
 * Voluntary blocks planned to end today or earlier are lifted (the hourly
 * `accounts.voluntary-unblock` job); idempotent — one statement over the open ones.
 */
export async function liftPlannedBlocks(db: Db, timeZone: string, now: Date): Promise<number> {
  return endPlannedBlocks(db, todayIn(timeZone, now), now);
}

export function handleVoluntaryUnblock(db: Db, timeZone: string) {
  return async () => {
    await liftPlannedBlocks(db, timeZone, new Date());
  };
}
