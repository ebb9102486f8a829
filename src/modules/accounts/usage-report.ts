import { sql } from 'kysely';
import type { HistoryContext } from './history.ts';
import { requireAccount } from './history.ts';
import { addDays, addMonths, todayIn } from '../../platform/dates.ts';
import { checkPeriod, InvalidPeriodError, periodEnd, periodOf } from './period.ts';
import type { AccountKind, UsageMetric } from './tables.ts';

export type UsageGranularity = 'day' | 'month';

/** A chart by day shows at most this many days; longer periods are shown by month. */
export const MAX_USAGE_DAYS = 400;

export interface UsageReport {
  /** The metric shown; null when the account has no usage at all. */
  metric: UsageMetric | null;
  /** Every metric the account has records of, for a switch. */
  metrics: UsageMetric[];
  granularity: UsageGranularity;
  /** The period covered; by month it is widened to whole months. */
  from: string;
  to: string;
  /** One point per day or month of the period, zero where nothing was recorded. */
  series: Array<{ period: string; quantity: number }>;
  total: number;
  /** The mean per day or month of the period. */
  average: number;
  peak: { period: string; quantity: number } | null;
}

const PREFERRED: Record<AccountKind, UsageMetric> = { internet: 'traffic_mb', water: 'water_m3', acquiring: 'operations', trade: 'operations' };

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Usage of an account by day or by month. Days are calendar dates of the provider (usage is
 * recorded per date), so a month is the dates that start with it; no instant is converted. Without
 * a period: the last 30 days, or the last 12 months including the current one.
 */
export async function getAccountUsage(
  ctx: HistoryContext & { now: Date },
  customerId: string,
  accountId: string,
  query: { from?: string | undefined; to?: string | undefined; granularity?: UsageGranularity | undefined; metric?: UsageMetric | undefined },
): Promise<UsageReport> {
  const account = await requireAccount(ctx.db, customerId, accountId);
  checkPeriod(query);
  const granularity = query.granularity ?? 'day';
  let to = query.to ?? (query.from && query.from > todayIn(ctx.timeZone, ctx.now) ? query.from : todayIn(ctx.timeZone, ctx.now));
  let from = query.from ?? (granularity === 'day' ? addDays(to, -29) : addMonths(to, -11));
  if (granularity === 'month') {
    from = periodOf(from);
    to = periodEnd(to);
  } else if (addDays(from, MAX_USAGE_DAYS) <= to) {
    throw new InvalidPeriodError([
      {
        field: 'to',
        code: 'period_too_long',
        message: { ru: `По дням можно показать не больше ${MAX_USAGE_DAYS} дней — выберите показ по месяцам.`, en: `At most ${MAX_USAGE_DAYS} days can be shown by day — show months instead.` },
      },
    ]);
  }

  const metrics = (
    await ctx.db.selectFrom('accounts_usage').select('metric').distinct().where('customer_id', '=', customerId).where('account_id', '=', accountId).orderBy('metric').execute()
  ).map((row) => row.metric);
  const metric = query.metric ?? (metrics.includes(PREFERRED[account.kind]) ? PREFERRED[account.kind] : (metrics[0] ?? null));

  const recorded = new Map<string, number>();
  if (metric) {
    const bucket = granularity === 'day' ? sql<string>`day` : sql<string>`date_trunc('month', day::timestamp)::date`;
    const rows = await ctx.db
      .selectFrom('accounts_usage')
      .select([bucket.as('period'), sql<string>`sum(quantity)`.as('quantity')])
      .where('customer_id', '=', customerId)
      .where('account_id', '=', accountId)
      .where('metric', '=', metric)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(sql`1`)
      .execute();
    for (const row of rows) recorded.set(row.period, Number(row.quantity));
  }

  const series: UsageReport['series'] = [];
  for (let period = from; period <= to; period = granularity === 'day' ? addDays(period, 1) : addMonths(period, 1)) {
    series.push({ period, quantity: round3(recorded.get(period) ?? 0) });
  }
  const total = round3(series.reduce((sum, point) => sum + point.quantity, 0));
  const peak = series.reduce<UsageReport['peak']>((best, point) => (point.quantity > 0 && (!best || point.quantity > best.quantity) ? point : best), null);
  return { metric, metrics, granularity, from, to, series, total, average: series.length > 0 ? round3(total / series.length) : 0, peak };
}
