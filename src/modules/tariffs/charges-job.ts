import type { Db } from '../../platform/db/database.ts';
import { todayIn } from '../../platform/dates.ts';
import { periodOf, postEntries, type NewEntry } from '../accounts/index.ts';
import { periodicEntry } from './charges.ts';
import { toPeriod } from './dates.ts';
import { plansInEffect, servicesInEffect, type AccountKey, type ChargeableItem } from './store.ts';

/** Accounts per transaction: big enough to be quick, small enough to hold locks briefly. */
export const BATCH = 1000;

export interface PeriodReport {
  period: string;
  posted: number;
  unchanged: number;
  /** Charges whose id exists with other content (the price changed after the month was charged): left as they are. */
  conflicts: number;
}

/**
 * Posts the periodic charges of a billing period: for every account, its plan in effect on the
 * period's first day and each of its services working that day. A scheduled plan change takes
 * effect by its date — the plan whose assignment covers the first day is the one charged — so the
 * change dated on the period's first day is what this run charges. Each charge's external id is
 * `periodic:<account>:<code>:<YYYY-MM>`, so however often this runs (restarts, two processes at
 * once, a retry after a crash half-way) every account is charged once per item and period. A batch
 * of accounts is one transaction: it is wholly in or wholly out.
 */
export async function chargePeriod(db: Db, options: { period?: string; now: Date; timeZone: string; batchSize?: number }): Promise<PeriodReport> {
  const period = options.period ? toPeriod(options.period) : periodOf(todayIn(options.timeZone, options.now));
  const limit = options.batchSize ?? BATCH;
  const report: PeriodReport = { period, posted: 0, unchanged: 0, conflicts: 0 };
  await runPass(db, report, options, (trx, after) => plansInEffect(trx, period, after, limit), 'plan');
  await runPass(db, report, options, (trx, after) => servicesInEffect(trx, period, after, limit), 'service');
  return report;
}

async function runPass(
  db: Db,
  report: PeriodReport,
  options: { now: Date; timeZone: string },
  page: (trx: Db, after: AccountKey | null) => Promise<ChargeableItem[]>,
  kind: 'plan' | 'service',
) {
  let after: AccountKey | null = null;
  for (;;) {
    const last: AccountKey | null = await db.transaction().execute(async (trx) => {
      const items = await page(trx, after);
      if (items.length === 0) return null;
      const entries = items
        .map((item) => periodicEntry(item, item, kind, report.period, options.timeZone))
        .filter((entry): entry is NewEntry => entry !== null);
      for (const outcome of await postEntries(trx, entries, options.now)) {
        if (outcome.status === 'posted') report.posted++;
        else if (outcome.status === 'unchanged') report.unchanged++;
        else report.conflicts++;
      }
      const tail = items[items.length - 1]!;
      return { customerId: tail.customerId, accountId: tail.accountId };
    });
    if (!last) return;
    after = last;
  }
}

/** The hourly `tariffs.periodic-charges` job: the current period, idempotent. */
export function handlePeriodicCharges(db: Db, timeZone: string) {
  return async () => {
    await chargePeriod(db, { now: new Date(), timeZone });
  };
}
