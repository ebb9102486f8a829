import type { RequestOrigin } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { queueMail } from '../../../platform/mail/mail.ts';
import { getProviderName } from '../../settings/index.ts';
import { familyMail, type FamilyNotice, type Locale } from './messages.ts';

/** What every family-access service receives: the database (or a transaction), the queue, the clock, the caller. */
export interface FamilyContext {
  db: Db;
  jobs: Jobs;
  now: Date;
  /** Today in the provider's time zone: ages and guardianship end dates are counted in it. */
  today: string;
  origin: RequestOrigin;
}

export function withDb(ctx: FamilyContext, db: Db): FamilyContext {
  return { ...ctx, db };
}

/** Queues a notice in the caller's transaction, in the recipient's language. */
export async function notify(ctx: FamilyContext, to: { email: string; locale: Locale }, notice: FamilyNotice, values: { name: string; detail?: string }) {
  const provider = await getProviderName(ctx.db);
  await queueMail(ctx.db, ctx.jobs, { to: to.email, ...familyMail(notice, to.locale, provider, values) });
}
