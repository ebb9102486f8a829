import type { RequestOrigin } from '../../../platform/audit/audit.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { queueMail } from '../../../platform/mail/mail.ts';
import { hit } from '../../../platform/throttle/throttle.ts';
import { TooManyAttemptsError } from '../../identity/index.ts';
import { getProviderName } from '../../settings/index.ts';
import { fileJoinRequest, type FiledJoinRequest } from '../employees/index.ts';
import { CustomersOnlyError } from '../errors.ts';
import type { RegistryCheck } from '../tables.ts';
import { CompanyLiquidatedError, CUSTOMERS_ONLY, REGISTRY_LOOKUPS_THROTTLED, TaxIdInvalidError } from './errors.ts';
import { companyMail, type CompanyNotice, type Locale } from './messages.ts';
import type { CompanyRegistry, RegistryAnswer, RegistryParty } from './registry/registry.ts';
import { findCompanyByInn, findCompanyByTaxId, insertCompany, type CompanyRow, type NewCompany } from './store.ts';
import { compactTaxId, innErrors, taxIdErrors, type CompanyKind } from './tax-ids.ts';

export interface CompaniesContext {
  db: Db;
  jobs: Jobs;
  now: Date;
  origin: RequestOrigin;
  registry: CompanyRegistry;
  /** Links in letters come from the configured address, never from the request. */
  publicUrl: URL;
}

/** The signed-in person acting: customers register companies, staff do not. */
export interface Registrant {
  id: string;
  kind: 'customer' | 'staff';
  name: string;
  email: string;
  locale: Locale;
}

/** Every company form fills this in as the person types INNs; the registry has quotas of its own. */
const LOOKUP_LIMIT = { max: 30, windowSeconds: 600 };
/** Each registration asks the registry too; a repeated click on one INN does not count. */
const REGISTER_LIMIT = { max: 30, windowSeconds: 3600 };

function assertCustomer(user: Registrant): void {
  if (user.kind !== 'customer') throw new CustomersOnlyError(CUSTOMERS_ONLY);
}

export interface PartyLookup {
  result: 'found' | 'not_found' | 'unavailable';
  party: RegistryParty | null;
  registered: { name: string } | null;
}

/** What the registry says about an INN, and whether a company with it is already registered here. */
export async function lookupParty(ctx: CompaniesContext, user: Registrant, rawInn: string, rawKpp?: string): Promise<PartyLookup> {
  assertCustomer(user);
  const inn = compactTaxId(rawInn);
  const kpp = rawKpp ? compactTaxId(rawKpp) : undefined;
  const errors = innErrors(inn);
  if (errors.length > 0) throw new TaxIdInvalidError(errors);
  const limit = await hit(ctx.db, `registry-lookup:user:${user.id}`, LOOKUP_LIMIT, ctx.now);
  if (!limit.allowed) throw new TooManyAttemptsError(limit.retryAfterSeconds, REGISTRY_LOOKUPS_THROTTLED);

  const [answer, existing] = await Promise.all([
    ctx.registry.findParty(inn, kpp),
    kpp ? findCompanyByTaxId(ctx.db, inn, kpp) : findCompanyByInn(ctx.db, inn),
  ]);
  return {
    result: answer.result,
    party: answer.result === 'found' ? answer.party : null,
    registered: existing ? { name: existing.name } : null,
  };
}

export interface CompanyInput {
  kind: CompanyKind;
  inn: string;
  kpp?: string | null;
  ogrn: string;
  name: string;
  shortName?: string | null;
  legalAddress: string;
  headName: string;
  headTitle?: string | null;
  email?: string | null;
  phone?: string | null;
}

function optional(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** Quotes, case, ё and punctuation differ between what people type and what the registry holds. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sameName(entered: string, party: RegistryParty): boolean {
  const mine = normalizeName(entered);
  return [party.name, party.shortName].some((name) => name !== null && normalizeName(name) === mine);
}

/** Which entered details differ from the registry's: the moderator looks at these first. */
export function compareWithRegistry(company: Pick<NewCompany, 'kind' | 'kpp' | 'ogrn' | 'name'>, party: RegistryParty): string[] {
  const mismatches: string[] = [];
  if (company.kind !== party.kind) mismatches.push('kind');
  if (company.kind === 'legal_entity' && (company.kpp ?? null) !== party.kpp) mismatches.push('kpp');
  if (party.ogrn !== null && company.ogrn !== party.ogrn) mismatches.push('ogrn');
  if (!sameName(company.name, party)) mismatches.push('name');
  return mismatches;
}

function registryVerdict(company: NewCompanyDraft, answer: RegistryAnswer, now: Date): { check: RegistryCheck; data: Record<string, unknown> } {
  const checkedAt = now.toISOString();
  switch (answer.result) {
    case 'found': {
      const mismatches = compareWithRegistry(company, answer.party);
      return { check: mismatches.length === 0 ? 'confirmed' : 'mismatch', data: { source: answer.source, checkedAt, party: answer.party, mismatches } };
    }
    case 'not_found':
      return { check: 'not_found', data: { source: answer.source, checkedAt } };
    case 'unavailable':
      return { check: 'unavailable', data: { checkedAt, reason: answer.reason } };
    default:
      throw new Error(`unknown registry answer ${JSON.stringify(answer satisfies never)}`);
  }
}

type NewCompanyDraft = Omit<NewCompany, 'registryCheck' | 'registryData'>;

/**
 * The registry's entry for the company: by INN and KPP, and when that KPP is unknown, by INN alone
 * — so that a mistyped KPP shows up as a mismatch to check rather than as an unknown company.
 */
async function askRegistry(registry: CompanyRegistry, draft: NewCompanyDraft): Promise<RegistryAnswer> {
  const answer = await registry.findParty(draft.inn, draft.kpp ?? undefined);
  if (answer.result !== 'not_found' || !draft.kpp) return answer;
  const byInn = await registry.findParty(draft.inn);
  return byInn.result === 'found' ? byInn : answer;
}

function draftOf(input: CompanyInput): NewCompanyDraft {
  const kpp = compactTaxId(input.kpp ?? '');
  return {
    kind: input.kind,
    inn: compactTaxId(input.inn),
    kpp: kpp || null,
    ogrn: compactTaxId(input.ogrn),
    name: input.name.trim(),
    shortName: optional(input.shortName),
    legalAddress: input.legalAddress.trim(),
    headName: input.headName.trim(),
    headTitle: optional(input.headTitle),
    email: optional(input.email),
    phone: optional(input.phone),
  };
}

export type RegistrationOutcome =
  | { outcome: 'created'; company: CompanyRow }
  /** The same person registered this INN a moment ago (a repeated click): their company, unchanged. */
  | { outcome: 'existing'; company: CompanyRow }
  /** Someone else registered it first: the person asked to join that company instead. */
  | { outcome: 'join_requested'; joinRequest: FiledJoinRequest };

/** A second registration of a taken INN becomes a join request, unless it is the registrant clicking twice. */
async function existingOutcome(ctx: CompaniesContext, existing: CompanyRow, user: Registrant): Promise<RegistrationOutcome> {
  if (existing.createdBy === user.id) return { outcome: 'existing', company: existing };
  const joinRequest = await ctx.db.transaction().execute((trx) =>
    fileJoinRequest({ db: trx, jobs: ctx.jobs, now: ctx.now, origin: ctx.origin, publicUrl: ctx.publicUrl }, { customerId: existing.id, userId: user.id }),
  );
  return { outcome: 'join_requested', joinRequest };
}

function isTaxIdTaken(error: unknown): boolean {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  return code === '23505' && (constraint === 'party_customer_tax_id_key' || Boolean(message?.includes('party_customer_tax_id_key')));
}

/**
 * Registers a company for moderation: checks the identifiers' check digits, asks the registry
 * (before the transaction: it is a network call), then in one transaction creates the pending
 * company, makes the registrant its head, records the audit event and queues the letter.
 */
export async function registerCompany(ctx: CompaniesContext, user: Registrant, input: CompanyInput): Promise<RegistrationOutcome> {
  assertCustomer(user);
  const draft = draftOf(input);
  const errors = taxIdErrors(draft);
  if (errors.length > 0) throw new TaxIdInvalidError(errors);

  const taken = await findCompanyByTaxId(ctx.db, draft.inn, draft.kpp);
  if (taken) return existingOutcome(ctx, taken, user);

  const limit = await hit(ctx.db, `company-register:user:${user.id}`, REGISTER_LIMIT, ctx.now);
  if (!limit.allowed) throw new TooManyAttemptsError(limit.retryAfterSeconds, REGISTRY_LOOKUPS_THROTTLED);
  const answer = await askRegistry(ctx.registry, draft);
  if (answer.result === 'found' && answer.party.liquidated) throw new CompanyLiquidatedError();
  const verdict = registryVerdict(draft, answer, ctx.now);
  const company: NewCompany = { ...draft, registryCheck: verdict.check, registryData: verdict.data };

  let created: CompanyRow | undefined;
  try {
    created = await insertRegistered(ctx, user, company);
  } catch (error) {
    // Two registrations of one INN at the same moment: the unique index let one through.
    if (!isTaxIdTaken(error)) throw error;
  }
  if (created) return { outcome: 'created', company: created };
  const winner = await findCompanyByTaxId(ctx.db, draft.inn, draft.kpp);
  if (!winner) throw new Error(`INN ${draft.inn} was taken, yet no company holds it`);
  return existingOutcome(ctx, winner, user);
}

/** The company, its head, the audit event and the letter: all or nothing. `undefined` when the INN was taken meanwhile. */
async function insertRegistered(ctx: CompaniesContext, user: Registrant, company: NewCompany): Promise<CompanyRow | undefined> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await findCompanyByTaxId(trx, company.inn, company.kpp)) return undefined;
    const id = await insertCompany(trx, company, user.id, ctx.now);
    await recordAudit(trx, ctx.now, {
      event: 'company.registered',
      actorId: user.id,
      subjectId: id,
      origin: ctx.origin,
      details: { inn: company.inn, kpp: company.kpp, registryCheck: company.registryCheck },
    });
    await notify(trx, ctx, 'received', { to: user.email, locale: user.locale }, company);
    const created = await findCompanyByTaxId(trx, company.inn, company.kpp);
    if (!created) throw new Error('the company just inserted is missing');
    return created;
  });
}

/** The page each letter points to: sign in once active, the registration page to try again. */
const NOTICE_PAGES: Record<CompanyNotice, string> = { received: '/business', approved: '/login', rejected: '/business', blocked: '/login', unblocked: '/login' };

/** Queues a letter about the company in the caller's transaction. */
export async function notify(
  db: Db,
  ctx: Pick<CompaniesContext, 'jobs' | 'publicUrl'>,
  notice: CompanyNotice,
  to: { to: string; locale: Locale },
  company: { name: string; inn: string },
  reason?: string,
): Promise<void> {
  const provider = await getProviderName(db);
  const link = `${ctx.publicUrl.origin}${NOTICE_PAGES[notice]}`;
  const mail = companyMail(notice, to.locale, { company: company.name, inn: company.inn, link, provider, ...(reason ? { reason } : {}) });
  await queueMail(db, ctx.jobs, { to: to.to, ...mail });
}
