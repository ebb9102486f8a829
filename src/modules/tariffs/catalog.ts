import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { CodeTakenError, isUniqueViolation, PlanNotFoundError, ServiceNotFoundError } from './errors.ts';
import { codeTaken, insertPlan, insertService, listPlans, listServices, setPlanStatus, setServiceStatus, updatePlanRow, updateServiceRow, upsertPlanRow, upsertServiceRow, type Plan, type Service } from './catalog-store.ts';
import type { CatalogStatus } from './tables.ts';

/**
 * The provider's administrators keep the plans and services. An archived plan or service is no
 * longer offered, but accounts that have it keep it (and are charged for it) until they change.
 */
export interface CatalogContext {
  db: Db;
  now: Date;
  actorId: string;
  origin?: RequestOrigin;
}

export type PlanInput = Omit<Plan, 'status'>;
export type ServiceInput = Omit<Service, 'status'>;

async function audit(ctx: CatalogContext, db: Db, event: string, details: Record<string, unknown>) {
  await recordAudit(db, ctx.now, { event, actorId: ctx.actorId, ...(ctx.origin ? { origin: ctx.origin } : {}), details });
}

export async function findPlans(db: Db): Promise<Plan[]> {
  return listPlans(db);
}

export async function findServices(db: Db): Promise<Service[]> {
  return listServices(db);
}

async function creating<T>(create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (isUniqueViolation(error, 'tariffs_plan_pkey') || isUniqueViolation(error, 'tariffs_service_pkey')) throw new CodeTakenError();
    throw error;
  }
}

export async function createPlan(ctx: CatalogContext, input: PlanInput): Promise<Plan> {
  return creating(() =>
    ctx.db.transaction().execute(async (trx) => {
      if (await codeTaken(trx, input.code)) throw new CodeTakenError();
      const plan = await insertPlan(trx, input.code, input, ctx.now);
      await audit(ctx, trx, 'tariffs.plan_created', { plan });
      return plan;
    }),
  );
}

export async function updatePlan(ctx: CatalogContext, code: string, input: Omit<PlanInput, 'code' | 'accountKind'>): Promise<Plan> {
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await updatePlanRow(trx, code, input, ctx.now);
    if (!plan) throw new PlanNotFoundError();
    await audit(ctx, trx, 'tariffs.plan_updated', { plan });
    return plan;
  });
}

export async function changePlanStatus(ctx: CatalogContext, code: string, status: CatalogStatus): Promise<Plan> {
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await setPlanStatus(trx, code, status, ctx.now);
    if (!plan) throw new PlanNotFoundError();
    await audit(ctx, trx, status === 'archived' ? 'tariffs.plan_archived' : 'tariffs.plan_restored', { code });
    return plan;
  });
}

export async function createService(ctx: CatalogContext, input: ServiceInput): Promise<Service> {
  return creating(() =>
    ctx.db.transaction().execute(async (trx) => {
      if (await codeTaken(trx, input.code)) throw new CodeTakenError();
      const service = await insertService(trx, input.code, input, ctx.now);
      await audit(ctx, trx, 'tariffs.service_created', { service });
      return service;
    }),
  );
}

export async function updateService(ctx: CatalogContext, code: string, input: Omit<ServiceInput, 'code' | 'accountKind'>): Promise<Service> {
  return ctx.db.transaction().execute(async (trx) => {
    const service = await updateServiceRow(trx, code, input, ctx.now);
    if (!service) throw new ServiceNotFoundError();
    await audit(ctx, trx, 'tariffs.service_updated', { service });
    return service;
  });
}

export async function changeServiceStatus(ctx: CatalogContext, code: string, status: CatalogStatus): Promise<Service> {
  return ctx.db.transaction().execute(async (trx) => {
    const service = await setServiceStatus(trx, code, status, ctx.now);
    if (!service) throw new ServiceNotFoundError();
    await audit(ctx, trx, status === 'archived' ? 'tariffs.service_archived' : 'tariffs.service_restored', { code });
    return service;
  });
}

/** Reference data for the demo and imports: created or brought up to date by code. */
export async function upsertPlan(db: Db, plan: Omit<Plan, 'status' | 'description'> & { description?: string | null; status?: CatalogStatus }, now = new Date()): Promise<void> {
  await upsertPlanRow(db, { description: null, status: 'active', ...plan }, now);
}

export async function upsertService(db: Db, service: Omit<Service, 'status' | 'description'> & { description?: string | null; status?: CatalogStatus }, now = new Date()): Promise<void> {
  await upsertServiceRow(db, { description: null, status: 'active', ...service }, now);
}
