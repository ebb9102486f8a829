import type { Queue } from 'pg-boss';

/** Every background job: its name, its payload, and how it is retried. The one typed map. */
export interface JobPayloads {
  'mail.send': { messageId: string };
  'sms.send': { messageId: string };
  'identity.cleanup': Record<string, never>;
  'parties.guardianship': Record<string, never>;
  'parties.subscriber-claims': Record<string, never>;
  'payments.reconcile': Record<string, never>;
  'integration.webhooks': Record<string, never>;
  'tariffs.periodic-charges': Record<string, never>;
  'promised.expiry': Record<string, never>;
  'accounts.voluntary-unblock': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const queuePolicies: Record<JobName, Omit<Queue, 'name'>> = {
  // SMTP servers go away for minutes at a time; back off up to about an hour in total.
  'mail.send': { retryLimit: 8, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  // Codes go stale in minutes: retry for a few minutes, then fail visibly rather than deliver late.
  'sms.send': { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
  'identity.cleanup': { retryLimit: 2, retryDelay: 60 },
  'parties.guardianship': { retryLimit: 3, retryDelay: 300 },
  'parties.subscriber-claims': { retryLimit: 2, retryDelay: 60 },
  // The next scheduled run asks again anyway; a failed run need not be retried hard.
  'payments.reconcile': { retryLimit: 1, retryDelay: 60, expireInSeconds: 600 },
  // Deliveries keep their own retry schedule (up to 24 hours); a failed run is simply the next minute's.
  'integration.webhooks': { retryLimit: 1, retryDelay: 30, expireInSeconds: 300 },
  // Idempotent by external ids: a retry or a second run charges nothing twice.
  'tariffs.periodic-charges': { retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
  'promised.expiry': { retryLimit: 3, retryDelay: 120 },
  'accounts.voluntary-unblock': { retryLimit: 3, retryDelay: 120 },
};

/** Periodic jobs and their cron schedules (pg-boss runs each once per tick across all processes). */
export const schedules: Partial<Record<JobName, string>> = {
  'identity.cleanup': '17 * * * *',
  // Daily; the access guard refuses a lapsed guardianship from the birthday on, this only records it.
  'parties.guardianship': '7 0 * * *',
  // Hourly: subscriber-code confirmations nobody redeemed within their 30 minutes.
  'parties.subscriber-claims': '27 * * * *',
  // Every 2 minutes: payments whose outcome the gateway has not told us (lost notifications, timeouts).
  'payments.reconcile': '*/2 * * * *',
  // Every minute: new integration events become webhook deliveries, and due deliveries are posted.
  'integration.webhooks': '* * * * *',
  // Hourly: the period's charges are posted within the first hour of the month, and the runs after that find them posted.
  'tariffs.periodic-charges': '11 * * * *',
  // Hourly: promised payments due are reversed (at most an hour after their expiry).
  'promised.expiry': '3 * * * *',
  // Hourly: vacation blocks planned to end today are lifted in the day's first hour.
  'accounts.voluntary-unblock': '1 * * * *',
};
