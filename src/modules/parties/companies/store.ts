import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../../platform/db/database.ts';
import { likePattern } from '../../../platform/db/like.ts';
import type { CustomerStatus, RegistryCheck } from '../tables.ts';
import type { CompanyKind } from './tax-ids.ts';

const COMPANY_COLUMNS = [
  'id',
  'kind',
  'status',
  'status_reason as statusReason',
  'name',
  'short_name as shortName',
  'inn',
  'kpp',
  'ogrn',
  'legal_address as legalAddress',
  'head_name as headName',
  'head_title as headTitle',
  'email',
  'phone',
  'registry_check as registryCheck',
  'created_by as createdBy',
  'decided_at as decidedAt',
  'created_at as createdAt',
] as const;

function companies(db: Db) {
  return db
    .selectFrom('party_customer')
    .select(COMPANY_COLUMNS)
    .where('kind', '<>', 'individual');
}

type Row = Awaited<ReturnType<ReturnType<typeof companies>['executeTakeFirstOrThrow']>>;
export type CompanyRow = Omit<Row, 'kind' | 'inn'> & { kind: CompanyKind; inn: string };

function toCompany(row: Row): CompanyRow {
  return row as CompanyRow;
}

/** The company holding this INN and KPP (none for a sole proprietor), unless its registration was rejected. */
export async function findCompanyByTaxId(db: Db, inn: string, kpp: string | null): Promise<CompanyRow | undefined> {
  const row = await companies(db)
    .where('inn', '=', inn)
    .where(sql<boolean>`coalesce(kpp, '') = ${kpp ?? ''}`)
    .where('status', '<>', 'rejected')
    .executeTakeFirst();
  return row && toCompany(row);
}

/** Some company with this INN (the head office first), for telling a newcomer it is already here. */
export async function findCompanyByInn(db: Db, inn: string): Promise<CompanyRow | undefined> {
  const row = await companies(db)
    .where('inn', '=', inn)
    .where('status', '<>', 'rejected')
    .orderBy(sql`substr(coalesce(kpp, ''), 5, 2) = '01'`, 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row && toCompany(row);
}

export async function findCompany(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<(CompanyRow & { registryData: unknown }) | undefined> {
  const row = await companies(db)
    .select('registry_data as registryData')
    .where('id', '=', id)
    .$if(options.forUpdate === true, (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row && { ...toCompany(row), registryData: row.registryData };
}

export interface NewCompany {
  kind: CompanyKind;
  name: string;
  shortName: string | null;
  inn: string;
  kpp: string | null;
  ogrn: string;
  legalAddress: string;
  headName: string;
  headTitle: string | null;
  email: string | null;
  phone: string | null;
  registryCheck: RegistryCheck;
  registryData: Record<string, unknown>;
}

/** A pending company with its registrant as the head (an active membership: they may read it while it waits). */
export async function insertCompany(db: Db, company: NewCompany, registrantId: string, now: Date): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('party_customer')
    .values({
      id,
      kind: company.kind,
      status: 'pending',
      name: company.name,
      short_name: company.shortName,
      inn: company.inn,
      kpp: company.kpp,
      ogrn: company.ogrn,
      legal_address: company.legalAddress,
      head_name: company.headName,
      head_title: company.headTitle,
      email: company.email,
      phone: company.phone,
      registry_check: company.registryCheck,
      registry_data: JSON.stringify(company.registryData),
      created_by: registrantId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('party_membership')
    .values({ customer_id: id, user_id: registrantId, role: 'head', status: 'active', pending_step: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function updateCompanyStatus(
  db: Db,
  id: string,
  change: { status: CustomerStatus; reason: string | null; decidedBy: string; now: Date },
): Promise<void> {
  await db
    .updateTable('party_customer')
    .set({ status: change.status, status_reason: change.reason, decided_by: change.decidedBy, decided_at: change.now, updated_at: change.now })
    .where('id', '=', id)
    .execute();
}

export interface CompanyFilters {
  status?: CustomerStatus;
  kind?: CompanyKind;
  registryCheck?: RegistryCheck;
  q?: string;
}

function filtered(db: Db, filters: Omit<CompanyFilters, 'status'>) {
  const q = filters.q?.trim() ?? '';
  const digits = /^\d+$/.test(q);
  return companies(db)
    .$if(filters.kind !== undefined, (qb) => qb.where('kind', '=', filters.kind!))
    .$if(filters.registryCheck !== undefined, (qb) => qb.where('registry_check', '=', filters.registryCheck!))
    .$if(digits, (qb) => qb.where('inn', 'like', `${q}%`))
    .$if(q !== '' && !digits, (qb) => qb.where((eb) => eb.or([eb('name', 'ilike', likePattern(q)), eb('short_name', 'ilike', likePattern(q))])));
}

/**
 * Companies for the moderation queue. Those waiting come oldest first (first come, first served);
 * any other view newest first. Paged by id, which grows with time (UUIDv7).
 */
export async function selectCompanies(db: Db, filters: CompanyFilters, page: { after?: string; limit: number }): Promise<CompanyRow[]> {
  const ascending = filters.status === 'pending';
  const rows = await filtered(db, filters)
    .$if(filters.status !== undefined, (qb) => qb.where('status', '=', filters.status!))
    .$if(page.after !== undefined, (qb) => qb.where('id', ascending ? '>' : '<', page.after!))
    .orderBy('id', ascending ? 'asc' : 'desc')
    .limit(page.limit)
    .execute();
  return rows.map(toCompany);
}

export async function countCompaniesByStatus(db: Db, filters: Omit<CompanyFilters, 'status'>): Promise<Record<CustomerStatus, number>> {
  const rows = await filtered(db, filters)
    .clearSelect()
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<CustomerStatus, number> = { pending: 0, active: 0, rejected: 0, blocked: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
