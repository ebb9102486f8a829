import type { RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import { queueSms } from '../../platform/sms/sms.ts';
import { getProviderName } from '../settings/index.ts';
import { codeMail, codeSms, noticeMail, type CodePurpose, type Locale, type Notice } from './messages.ts';

/** What every identity service receives: the database (or a transaction), the queue, the clock, the caller. */
export interface IdentityContext {
  db: Db;
  jobs: Jobs;
  now: Date;
  origin: RequestOrigin;
  locale: Locale;
}

export function withDb(ctx: IdentityContext, db: Db): IdentityContext {
  return { ...ctx, db };
}

/** Sends a one-time code by the flow's channel; enqueued in the caller's transaction. */
export async function deliverCode(ctx: IdentityContext, channel: 'email' | 'sms', address: string, purpose: CodePurpose, code: string) {
  if (channel === 'sms') {
    await queueSms(ctx.db, ctx.jobs, { to: address, text: codeSms(purpose, code, ctx.locale) });
    return;
  }
  const provider = await getProviderName(ctx.db);
  await queueMail(ctx.db, ctx.jobs, { to: address, ...codeMail(purpose, code, ctx.locale, provider) });
}

export async function deliverNotice(ctx: IdentityContext, email: string, notice: Notice, detail?: string) {
  const provider = await getProviderName(ctx.db);
  await queueMail(ctx.db, ctx.jobs, { to: email, ...noticeMail(notice, ctx.locale, provider, detail) });
}
