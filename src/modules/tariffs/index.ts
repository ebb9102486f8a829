export type { TariffsTables, CatalogStatus, ChangeKind } from './tables.ts';
export type { Assignment, Subscription } from './store.ts';
export type { Plan, Service } from './catalog-store.ts';
export { tariffsRoutes, type TariffsRouteOptions } from './routes.ts';
export { assignPlan, getPlanOn, type TariffsContext } from './service.ts';
export { subscribeService } from './addons.ts';
export { upsertPlan, upsertService } from './catalog.ts';
export { chargePeriod, handlePeriodicCharges, type PeriodReport } from './charges-job.ts';
