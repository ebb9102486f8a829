export type { PromisedTables, LimitKind, PromisedStatus } from './tables.ts';
export { DEFAULT_PROMISED_SETTINGS, getPromisedSettings, setPromisedSettings, type PromisedSettings } from './settings.ts';
export { getPromisedOverview, grantPromisedPayment, listPromisedPayments, type PromisedContext, type PromisedOverview } from './service.ts';
export type { PromisedPayment } from './store.ts';
export { PromisedNotEligibleError, type Ineligibility, type IneligibleCode } from './errors.ts';
export { expirePromisedPayments, handlePromisedExpiry } from './expiry-job.ts';
export { promisedRoutes } from './routes.ts';
