import { findAuditBySubject, recordAudit } from '../../../platform/audit/audit.ts';
import { findAccounts, findAccountsByCodeOrNumber, getAccount, type Account } from '../../accounts/index.ts';
import { findPeople, findPersonIdsMatching, getPerson } from '../../identity/index.ts';
import { ReasonRequiredError } from '../errors.ts';
import { cabinetLink, notify, type SubscribersContext } from './context.ts';
import { ActivationDecidedError, ActivationNotFoundError } from './errors.ts';
import { countByStatus, decideActivation, findActivation, findCustomerCard, readScan, selectQueue, settlePendingHead, type Activation, type ActivationStatus } from './store.ts';

const PAGE_MAX = 50;
/** How far back the audit of one customer is read for an activation's trail. */
const TRAIL_DEPTH = 200;

export interface Scan {
  bytes: Buffer;
  type: 'application/pdf' | 'image/jpeg' | 'image/png';
  name: string;
}

function accountView(account: Account | undefined) {
  return {
    number: account?.number ?? '',
    subscriberCode: account?.subscriberCode ?? null,
    contractNumber: account?.contractNumber ?? null,
    address: account?.address ?? null,
  };
}

/** The queue: activations in one status, newest first, searchable by code, account, name, INN, email. */
export async function findActivations(ctx: SubscribersContext, options: { status: ActivationStatus; query?: string; cursor?: string; limit: number }) {
  const limit = Math.min(Math.max(options.limit, 1), PAGE_MAX);
  const text = options.query?.trim();
  const search = text
    ? {
        text,
        accountIds: (await findAccountsByCodeOrNumber(ctx.db, text)).map((account) => account.id),
        userIds: await findPersonIdsMatching(ctx.db, text, 100),
      }
    : undefined;
  const rows = await selectQueue(ctx.db, { status: options.status, search, before: options.cursor, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const [accounts, people, counts] = await Promise.all([
    findAccounts(ctx.db, page.map((row) => ({ customerId: row.customerId, id: row.accountId }))),
    findPeople(ctx.db, page.map((row) => row.userId)),
    countByStatus(ctx.db),
  ]);
  return {
    items: page.map((row) => {
      const user = people.get(row.userId);
      return {
        id: row.id,
        subscriberId: row.customerId,
        status: row.status,
        customer: { name: row.customerName, kind: row.customerKind, inn: row.inn, kpp: row.kpp },
        account: accountView(accounts.find((account) => account.id === row.accountId)),
        user: { id: row.userId, name: user?.name ?? '', email: user?.email ?? '' },
        hasScan: row.hasScan,
        reason: row.reason,
        createdAt: row.createdAt,
        papersReceivedAt: row.papersReceivedAt,
      };
    }),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    counts: { awaiting: counts.awaiting_papers, activated: counts.activated, rejected: counts.rejected },
  };
}

/** One activation as staff see it: who, which account, the scan, and every decision with its author. */
export async function getActivation(ctx: SubscribersContext, customerId: string, id: string) {
  const activation = await findActivation(ctx.db, customerId, id);
  if (!activation) throw new ActivationNotFoundError();
  const [customer, account, events] = await Promise.all([
    findCustomerCard(ctx.db, customerId),
    getAccount(ctx.db, customerId, activation.accountId),
    findAuditBySubject(ctx.db, customerId, { limit: TRAIL_DEPTH }),
  ]);
  const trail = events.filter((event) => event.details.activationId === id).reverse();
  const people = await findPeople(ctx.db, [activation.userId, ...trail.map((event) => event.actorId).filter((actor): actor is string => actor !== null)]);
  const user = people.get(activation.userId);
  return {
    id: activation.id,
    subscriberId: customerId,
    status: activation.status,
    customer: { name: customer?.name ?? '', kind: customer?.kind ?? 'legal_entity', inn: customer?.inn ?? null, kpp: customer?.kpp ?? null, status: customer?.status ?? 'active' },
    account: { ...accountView(account), kind: account?.kind ?? 'water' },
    user: { id: activation.userId, name: user?.name ?? '', email: user?.email ?? '' },
    reason: activation.reason,
    scan: activation.scanType && activation.scanSize !== null ? { type: activation.scanType, name: activation.scanName ?? 'scan', size: activation.scanSize } : null,
    createdAt: activation.createdAt,
    papersReceivedAt: activation.papersReceivedAt,
    trail: trail.map((event) => ({
      id: event.id,
      at: event.at,
      event: event.event,
      actor: event.actorId ? { id: event.actorId, name: people.get(event.actorId)?.name ?? '' } : null,
      reason: typeof event.details.reason === 'string' ? event.details.reason : null,
      scanName: typeof event.details.scanName === 'string' ? event.details.scanName : null,
    })),
  };
}

export async function getScan(ctx: SubscribersContext, customerId: string, id: string): Promise<Scan> {
  const row = await readScan(ctx.db, customerId, id);
  if (!row?.scan || !row.scanType) throw new ActivationNotFoundError();
  return { bytes: row.scan, type: row.scanType as Scan['type'], name: row.scanName ?? 'scan' };
}

type Outcome = 'activated' | 'already_activated';

/**
 * The signed papers (or their scan) reached the provider: in one transaction the head's membership
 * becomes active, the activation is closed with the scan kept, the audit records who did it and the
 * person is mailed. Marking an activated registration again changes nothing.
 */
export async function receivePapers(ctx: SubscribersContext, actorId: string, customerId: string, id: string, scan?: Scan): Promise<Outcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const activation = await findActivation(trx, customerId, id, { forUpdate: true });
    if (!activation) throw new ActivationNotFoundError();
    if (activation.status === 'activated') return 'already_activated';
    if (activation.status === 'rejected') throw new ActivationDecidedError('rejected');
    await decideActivation(
      trx,
      activation,
      {
        status: 'activated',
        papers_received_at: ctx.now,
        decided_by: actorId,
        reason: null,
        ...(scan ? { scan: scan.bytes, scan_type: scan.type, scan_name: scan.name } : {}),
      },
      ctx.now,
    );
    await settlePendingHead(trx, customerId, activation.userId, 'active', ctx.now);
    await recordAudit(trx, ctx.now, {
      event: 'subscriber.activated',
      actorId,
      subjectId: customerId,
      origin: ctx.origin,
      details: { activationId: id, accountId: activation.accountId, userId: activation.userId, ...(scan ? { scanName: scan.name, scanType: scan.type } : {}) },
    });
    await notify(tx, await getPerson(trx, activation.userId), { kind: 'activated', ...(await subscriberOf(tx, activation)), link: cabinetLink(ctx) });
    return 'activated';
  });
}

export type BulkOutcome = Outcome | 'rejected' | 'not_found';

/** «Документы получены» for several registrations at once; each is its own transaction and its own answer. */
export async function receivePapersInBulk(ctx: SubscribersContext, actorId: string, items: ReadonlyArray<{ subscriberId: string; id: string }>) {
  const results: Array<{ subscriberId: string; id: string; outcome: BulkOutcome }> = [];
  for (const item of items) {
    let outcome: BulkOutcome;
    try {
      outcome = await receivePapers(ctx, actorId, item.subscriberId, item.id);
    } catch (error) {
      if (error instanceof ActivationNotFoundError) outcome = 'not_found';
      else if (error instanceof ActivationDecidedError) outcome = 'rejected';
      else throw error;
    }
    results.push({ ...item, outcome });
  }
  return { results };
}

/** Refuses a registration (papers never came, wrong person): the waiting membership ends and the person is told why. */
export async function rejectActivation(ctx: SubscribersContext, actorId: string, customerId: string, id: string, reason: string): Promise<'rejected' | 'already_rejected'> {
  const why = reason.trim();
  if (!why) throw new ReasonRequiredError();
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const activation = await findActivation(trx, customerId, id, { forUpdate: true });
    if (!activation) throw new ActivationNotFoundError();
    if (activation.status === 'rejected') return 'already_rejected';
    if (activation.status === 'activated') throw new ActivationDecidedError('activated');
    await decideActivation(trx, activation, { status: 'rejected', papers_received_at: null, decided_by: actorId, reason: why }, ctx.now);
    await settlePendingHead(trx, customerId, activation.userId, 'ended', ctx.now);
    await recordAudit(trx, ctx.now, {
      event: 'subscriber.rejected',
      actorId,
      subjectId: customerId,
      origin: ctx.origin,
      details: { activationId: id, accountId: activation.accountId, userId: activation.userId, reason: why },
    });
    await notify(tx, await getPerson(trx, activation.userId), { kind: 'rejected', ...(await subscriberOf(tx, activation)), reason: why });
    return 'rejected';
  });
}

/** How mails name the subscriber: its name and the code the person registered with. */
async function subscriberOf(ctx: SubscribersContext, activation: Activation) {
  const [customer, account] = await Promise.all([findCustomerCard(ctx.db, activation.customerId), getAccount(ctx.db, activation.customerId, activation.accountId)]);
  return { subscriber: customer?.name ?? '', code: account?.subscriberCode ?? account?.number ?? '' };
}
