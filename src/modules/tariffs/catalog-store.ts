import type { Db } from '../../platform/db/database.ts';
import type { AccountKind } from '../accounts/index.ts';
import type { CatalogStatus } from './tables.ts';

/** Plans and add-on services: the provider's reference data, kept by administrators. */
export interface Plan {
  code: string;
  name: string;
  description: string | null;
  accountKind: AccountKind;
  monthlyPrice: number;
  selfService: boolean;
  immediateChange: boolean;
  status: CatalogStatus;
}

export interface Service {
  code: string;
  name: string;
  description: string | null;
  accountKind: AccountKind;
  monthlyPrice: number;
  selfService: boolean;
  status: CatalogStatus;
}

/** A plan of an account over [validFrom, validTo); validTo null: open. */

const planColumns = [
  'code',
  'name',
  'description',
  'account_kind as accountKind',
  'monthly_price as monthlyPrice',
  'self_service as selfService',
  'immediate_change as immediateChange',
  'status',
] as const;

const serviceColumns = ['code', 'name', 'description', 'account_kind as accountKind', 'monthly_price as monthlyPrice', 'self_service as selfService', 'status'] as const;

// ---- reference data ----

export async function listPlans(db: Db, filter: { accountKind?: AccountKind; offered?: boolean } = {}): Promise<Plan[]> {
  return db
    .selectFrom('tariffs_plan')
    .select(planColumns)
    .$if(filter.accountKind !== undefined, (qb) => qb.where('account_kind', '=', filter.accountKind!))
    .$if(filter.offered === true, (qb) => qb.where('self_service', '=', true).where('status', '=', 'active'))
    .orderBy('status')
    .orderBy('account_kind')
    .orderBy('monthly_price')
    .orderBy('code')
    .execute();
}

export async function findPlan(db: Db, code: string): Promise<Plan | undefined> {
  return db.selectFrom('tariffs_plan').select(planColumns).where('code', '=', code).executeTakeFirst();
}

export async function listServices(db: Db, filter: { accountKind?: AccountKind; offered?: boolean } = {}): Promise<Service[]> {
  return db
    .selectFrom('tariffs_service')
    .select(serviceColumns)
    .$if(filter.accountKind !== undefined, (qb) => qb.where('account_kind', '=', filter.accountKind!))
    .$if(filter.offered === true, (qb) => qb.where('self_service', '=', true).where('status', '=', 'active'))
    .orderBy('status')
    .orderBy('account_kind')
    .orderBy('monthly_price')
    .orderBy('code')
    .execute();
}

export async function findService(db: Db, code: string): Promise<Service | undefined> {
  return db.selectFrom('tariffs_service').select(serviceColumns).where('code', '=', code).executeTakeFirst();
}

/** Plan and service codes share one namespace: periodic charges name either by its code. */
export async function codeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('tariffs_plan')
    .select('code')
    .where('code', '=', code)
    .unionAll(db.selectFrom('tariffs_service').select('code').where('code', '=', code))
    .executeTakeFirst();
  return row !== undefined;
}

type PlanFields = Omit<Plan, 'code' | 'status'>;
type ServiceFields = Omit<Service, 'code' | 'status'>;

function planValues(fields: PlanFields, now: Date) {
  return {
    name: fields.name,
    description: fields.description,
    account_kind: fields.accountKind,
    monthly_price: fields.monthlyPrice,
    self_service: fields.selfService,
    immediate_change: fields.immediateChange,
    updated_at: now,
  };
}

function serviceValues(fields: ServiceFields, now: Date) {
  return {
    name: fields.name,
    description: fields.description,
    account_kind: fields.accountKind,
    monthly_price: fields.monthlyPrice,
    self_service: fields.selfService,
    updated_at: now,
  };
}

export async function insertPlan(db: Db, code: string, fields: PlanFields, now: Date): Promise<Plan> {
  return db
    .insertInto('tariffs_plan')
    .values({ code, ...planValues(fields, now), created_at: now })
    .returning(planColumns)
    .executeTakeFirstOrThrow();
}

export async function upsertPlanRow(db: Db, plan: Plan, now: Date): Promise<void> {
  const values = { ...planValues(plan, now), status: plan.status };
  await db
    .insertInto('tariffs_plan')
    .values({ code: plan.code, ...values, created_at: now })
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .execute();
}

/** The kind of account a plan is for is fixed once accounts may have it. */
export async function updatePlanRow(db: Db, code: string, fields: Omit<PlanFields, 'accountKind'>, now: Date): Promise<Plan | undefined> {
  const { account_kind: _kind, ...values } = planValues({ ...fields, accountKind: 'internet' }, now);
  return db.updateTable('tariffs_plan').set(values).where('code', '=', code).returning(planColumns).executeTakeFirst();
}

export async function setPlanStatus(db: Db, code: string, status: CatalogStatus, now: Date): Promise<Plan | undefined> {
  return db.updateTable('tariffs_plan').set({ status, updated_at: now }).where('code', '=', code).returning(planColumns).executeTakeFirst();
}

export async function insertService(db: Db, code: string, fields: ServiceFields, now: Date): Promise<Service> {
  return db
    .insertInto('tariffs_service')
    .values({ code, ...serviceValues(fields, now), created_at: now })
    .returning(serviceColumns)
    .executeTakeFirstOrThrow();
}

export async function upsertServiceRow(db: Db, service: Service, now: Date): Promise<void> {
  const values = { ...serviceValues(service, now), status: service.status };
  await db
    .insertInto('tariffs_service')
    .values({ code: service.code, ...values, created_at: now })
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .execute();
}

export async function updateServiceRow(db: Db, code: string, fields: Omit<ServiceFields, 'accountKind'>, now: Date): Promise<Service | undefined> {
  const { account_kind: _kind, ...values } = serviceValues({ ...fields, accountKind: 'internet' }, now);
  return db.updateTable('tariffs_service').set(values).where('code', '=', code).returning(serviceColumns).executeTakeFirst();
}

export async function setServiceStatus(db: Db, code: string, status: CatalogStatus, now: Date): Promise<Service | undefined> {
  return db.updateTable('tariffs_service').set({ status, updated_at: now }).where('code', '=', code).returning(serviceColumns).executeTakeFirst();
}
