export { subscribersRoutes } from './routes.ts';
export { upsertServedCustomer, type ServedCustomer, type ServedCustomerResult } from './served-customers.ts';
export { deleteExpiredClaims } from './store.ts';
