import type { RequestOrigin } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { queueMail } from '../../../platform/mail/mail.ts';
import type { Person } from '../../identity/index.ts';
import { getProviderName } from '../../settings/index.ts';
import { subscriberMail, type SubscriberNotice } from './messages.ts';

/** What every subscribers service receives: the database (or a transaction), the queue, the clock, the caller's origin. */
export interface SubscribersContext {
  db: Db;
  jobs: Jobs;
  now: Date;
  origin: RequestOrigin;
  /** Links in mails are built from the configured address, never from the request's Host. */
  publicUrl: URL;
  /** The provider's time zone: dates on the papers. */
  timeZone: string;
}

export function withDb(ctx: SubscribersContext, db: Db): SubscribersContext {
  return { ...ctx, db };
}

export function cabinetLink(ctx: SubscribersContext): string {
  return new URL('cabinet', ctx.publicUrl).toString();
}

/** Mails the person in their own language; enqueued in the caller's transaction. */
export async function notify(ctx: SubscribersContext, to: Person, notice: SubscriberNotice): Promise<void> {
  const provider = await getProviderName(ctx.db);
  await queueMail(ctx.db, ctx.jobs, { to: to.email, ...subscriberMail(notice, to.locale, provider) });
}
