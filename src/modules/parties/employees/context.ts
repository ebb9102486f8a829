import type { RequestOrigin } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { queueMail } from '../../../platform/mail/mail.ts';
import type { Person } from '../../identity/index.ts';
import { getProviderName } from '../../settings/index.ts';
import { employeeMail, type EmployeeNotice } from './messages.ts';

/** What every employees service receives: the database (or a transaction), the queue, the clock, the caller's origin. */
export interface EmployeesContext {
  db: Db;
  jobs: Jobs;
  now: Date;
  origin: RequestOrigin;
  /** Links in mails are built from the configured address, never from the request's Host. */
  publicUrl: URL;
}

export function withDb(ctx: EmployeesContext, db: Db): EmployeesContext {
  return { ...ctx, db };
}

/** Web addresses the mails point at (the web app's routes). */
export const links = {
  myJoinRequests: (ctx: EmployeesContext) => new URL('business/join', ctx.publicUrl).toString(),
  companyRequests: (ctx: EmployeesContext, customerId: string) => new URL(`employees/requests?customer=${customerId}`, ctx.publicUrl).toString(),
  members: (ctx: EmployeesContext, customerId: string) => new URL(`employees?customer=${customerId}`, ctx.publicUrl).toString(),
  cabinet: (ctx: EmployeesContext, customerId: string) => new URL(`cabinet?customer=${customerId}`, ctx.publicUrl).toString(),
};

/** Mails each person in their own language; enqueued in the caller's transaction. */
export async function notify(ctx: EmployeesContext, people: readonly Person[], notice: EmployeeNotice): Promise<void> {
  if (people.length === 0) return;
  const provider = await getProviderName(ctx.db);
  for (const person of people) {
    await queueMail(ctx.db, ctx.jobs, { to: person.email, ...employeeMail(notice, person.locale, provider) });
  }
}
