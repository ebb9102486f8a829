export { subscribersRoutes } from './routes.ts';
export { upsertServedCustomer, type ServedCustomer, type ServedCustomerResult } from './served-customers.ts';
export { handleSubscriberClaimsCleanup } from './cleanup.ts';
