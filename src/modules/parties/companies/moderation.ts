import { findAuditBySubject, recordAudit } from '../../../platform/audit/audit.ts';
import { AppError, NotFoundError, problemOf } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { findPeople } from '../../identity/index.ts';
import { ReasonRequiredError } from '../errors.ts';
import type { CustomerStatus } from '../tables.ts';
import { CompanyStatusConflictError } from './errors.ts';
import type { CompanyNotice } from './messages.ts';
import type { RegistryParty } from './registry/registry.ts';
import { notify, type CompaniesContext } from './service.ts';
import { countCompaniesByStatus, findCompany, selectCompanies, updateCompanyStatus, type CompanyFilters, type CompanyRow } from './store.ts';

export type ModerationContext = Omit<CompaniesContext, 'registry'>;

const PAGE_MAX = 100;
const AUDIT_LIMIT = 100;

/** What staff see in the queue: no registry payload, no registrant id. */
function summary({ createdBy: _createdBy, ...company }: CompanyRow) {
  return company;
}

export async function findCompaniesForModeration(ctx: Pick<ModerationContext, 'db'>, filters: CompanyFilters, page: { cursor?: string; limit: number }) {
  const limit = Math.min(Math.max(page.limit, 1), PAGE_MAX);
  const { status: _status, ...others } = filters;
  const [rows, counts] = await Promise.all([
    selectCompanies(ctx.db, filters, { ...(page.cursor ? { after: page.cursor } : {}), limit: limit + 1 }),
    countCompaniesByStatus(ctx.db, others),
  ]);
  const items = rows.slice(0, limit).map(summary);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null, counts };
}

interface StoredRegistryData {
  source?: 'http' | 'local';
  checkedAt?: string;
  party?: RegistryParty;
  mismatches?: string[];
  reason?: string;
}

/** A company as the moderator decides on it: the details, the registry's view, who asked, what happened. */
export async function getCompanyForModeration(ctx: Pick<ModerationContext, 'db'>, id: string) {
  const company = await findCompany(ctx.db, id);
  if (!company) throw new NotFoundError();
  const audit = await findAuditBySubject(ctx.db, id, { limit: AUDIT_LIMIT });
  const people = await findPeople(ctx.db, [company.createdBy, ...audit.map((event) => event.actorId)].filter((who): who is string => who !== null));
  const { registryData, createdBy, ...rest } = company;
  const stored = (registryData ?? null) as StoredRegistryData | null;
  const registrant = createdBy ? people.get(createdBy) : undefined;
  return {
    ...rest,
    registry: stored
      ? {
          source: stored.source ?? null,
          checkedAt: stored.checkedAt ?? rest.createdAt.toISOString(),
          party: stored.party ?? null,
          mismatches: stored.mismatches ?? [],
          reason: stored.reason ?? null,
        }
      : null,
    registrant: registrant ? { id: registrant.id, name: registrant.name, email: registrant.email } : null,
    audit: audit.map((event) => ({
      id: event.id,
      at: event.at,
      event: event.event,
      actorId: event.actorId,
      actorName: event.actorId ? (people.get(event.actorId)?.name ?? null) : null,
      details: event.details,
    })),
  };
}

type Action = 'approve' | 'reject' | 'block' | 'unblock';

const OUTCOME: Record<Action, { event: string; notice: CompanyNotice }> = {
  approve: { event: 'company.approved', notice: 'approved' },
  reject: { event: 'company.rejected', notice: 'rejected' },
  block: { event: 'company.blocked', notice: 'blocked' },
  unblock: { event: 'company.unblocked', notice: 'unblocked' },
};

/**
 * Where an action takes a company: the new status, `null` when it is already there (a repeated
 * click changes nothing and sends nothing), or a conflict.
 *
 *   pending --approve--> active --block--> blocked --unblock--> active
 *   pending --reject---> rejected (final: the INN is free to register again)
 */
function transition(status: CustomerStatus, action: Action): CustomerStatus | null {
  switch (action) {
    case 'approve':
      if (status === 'pending') return 'active';
      if (status === 'active') return null;
      break;
    case 'reject':
      if (status === 'pending') return 'rejected';
      if (status === 'rejected') return null;
      break;
    case 'block':
      if (status === 'active') return 'blocked';
      if (status === 'blocked') return null;
      break;
    case 'unblock':
      if (status === 'blocked') return 'active';
      if (status === 'active') return null;
      break;
    default:
      throw new Error(`unknown action ${JSON.stringify(action satisfies never)}`);
  }
  throw new CompanyStatusConflictError(status);
}

/** One decision in one transaction: the status, the audit event and the registrant's letter. */
async function decide(ctx: ModerationContext, actorId: string, id: string, action: Action, reason?: string) {
  const why = reason?.trim() || null;
  if ((action === 'reject' || action === 'block') && !why) throw new ReasonRequiredError();
  return ctx.db.transaction().execute(async (trx) => {
    const company = await findCompany(trx, id, { forUpdate: true });
    if (!company) throw new NotFoundError();
    const next = transition(company.status, action);
    const { registryData: _data, ...row } = company;
    if (next === null) return summary(row);
    const keepsReason = action === 'reject' || action === 'block';
    await updateCompanyStatus(trx, id, { status: next, reason: keepsReason ? why : null, decidedBy: actorId, now: ctx.now });
    const { event, notice } = OUTCOME[action];
    await recordAudit(trx, ctx.now, { event, actorId, subjectId: id, origin: ctx.origin, details: { from: company.status, to: next, ...(why && keepsReason ? { reason: why } : {}) } });
    const registrant = company.createdBy ? (await findPeople(trx, [company.createdBy])).get(company.createdBy) : undefined;
    if (registrant) await notify(trx, ctx, notice, { to: registrant.email, locale: registrant.locale }, company, keepsReason ? (why ?? undefined) : undefined);
    return summary({ ...row, status: next, statusReason: keepsReason ? why : null, decidedAt: ctx.now });
  });
}

export const approveCompany = (ctx: ModerationContext, actorId: string, id: string) => decide(ctx, actorId, id, 'approve');
export const rejectCompany = (ctx: ModerationContext, actorId: string, id: string, reason: string) => decide(ctx, actorId, id, 'reject', reason);
export const blockCompany = (ctx: ModerationContext, actorId: string, id: string, reason: string) => decide(ctx, actorId, id, 'block', reason);
export const unblockCompany = (ctx: ModerationContext, actorId: string, id: string) => decide(ctx, actorId, id, 'unblock');

/**
 * Approves several companies, each in its own transaction: one that cannot be approved (decided
 * meanwhile by another moderator, or unknown) is reported and does not hold back the others.
 */
export async function approveCompanies(ctx: ModerationContext, actorId: string, ids: readonly string[], locale: Locale) {
  const approved: string[] = [];
  const failed: Array<{ id: string; code: string; title: string }> = [];
  for (const id of ids) {
    try {
      await approveCompany(ctx, actorId, id);
      approved.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problem = problemOf(error, locale);
      failed.push({ id, code: problem.code, title: problem.title });
    }
  }
  return { approved, failed };
}
