import { recordUsage, type UsageMetric, type UsageRecord } from '../../accounts/index.ts';
import { locateAccounts } from './account-numbers.ts';
import { isoDay, oneOf, Problems, quantity, text } from './fields.ts';
import type { BatchSpec } from './runner.ts';

export interface UsageItem {
  accountNumber: string;
  day: string;
  metric: UsageMetric;
  quantity: number;
}

const METRICS: readonly UsageMetric[] = ['traffic_mb', 'water_m3', 'electricity_kwh', 'operations'];
const WHOLE: ReadonlySet<UsageMetric> = new Set(['traffic_mb', 'operations']);

/**
 * Usage per account, metric and day, through `recordUsage`: the same quantity again is unchanged,
 * another quantity for a recorded day is refused (a correction of usage is the billing's business).
 */
export const usageSpec: BatchSpec<UsageItem> = {
  kind: 'usage',
  fields: ['account_number', 'day', 'metric', 'quantity'],
  requiredColumns: ['account_number', 'day', 'metric', 'quantity'],
  keyFields: ['account_number', 'metric', 'day'],
  check(item) {
    const problems = new Problems();
    const accountNumber = text(item, 'account_number', problems, { required: true, max: 64 });
    const day = isoDay(item, 'day', problems, { required: true });
    const metric = oneOf(item, 'metric', METRICS, problems, { required: true });
    const amount = metric === null ? null : quantity(item, 'quantity', problems, WHOLE.has(metric));
    if (!problems.empty) return { errors: problems.list };
    return { value: { accountNumber: accountNumber!, day: day!, metric: metric!, quantity: amount! } };
  },
  async apply(trx, items, ctx) {
    const { outcomes, located } = await locateAccounts(trx, items);
    const records: UsageRecord[] = located.map(({ account, value }) => ({ customerId: account.customerId, accountId: account.id, day: value.day, metric: value.metric, quantity: value.quantity }));
    const positions = located.map(({ position }) => position);
    const recorded = await recordUsage(trx, records, ctx.now);
    recorded.forEach((outcome, at) => {
      const position = positions[at]!;
      if (outcome.status !== 'conflict') outcomes[position] = outcome.status === 'recorded' ? 'added' : 'unchanged';
      else {
        outcomes[position] = {
          errors: [
            {
              field: 'quantity',
              code: 'conflicting_replay',
              message: {
                ru: `За этот день уже загружено другое количество: ${outcome.recorded}`,
                en: `another quantity is already recorded for this day: ${outcome.recorded}`,
              },
            },
          ],
        };
      }
    });
    return outcomes;
  },
};
