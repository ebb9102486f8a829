export type { PartiesTables, CustomerKind, CustomerStatus, MemberRole } from './tables.ts';
export { customerAccess, requireMembership } from './access.ts';
export type { Membership } from './memberships.ts';
export type { Permission } from './roles.ts';
export { partiesRoutes } from './routes.ts';
export { fileJoinRequest, type EmployeesContext, type FiledJoinRequest } from './employees/index.ts';
export { deleteExpiredClaims, upsertServedCustomer, type ServedCustomer, type ServedCustomerResult } from './subscribers/index.ts';
export { handleGuardianshipExpiry } from './family/index.ts';
