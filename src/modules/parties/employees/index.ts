export { employeesRoutes } from './routes.ts';
export { fileJoinRequest, type FiledJoinRequest } from './join-requests.ts';
export type { EmployeesContext } from './context.ts';
