import type { Db } from '../../platform/db/database.ts';
import type { UsageMetric } from './tables.ts';

export interface UsageRecord {
  customerId: string;
  accountId: string;
  day: string;
  metric: UsageMetric;
  /** Up to three decimals (m³, kWh); megabytes and operations are whole. */
  quantity: number;
}

export type UsageOutcome = { status: 'recorded' | 'unchanged' } | { status: 'conflict'; recorded: number };

const CHUNK = 1000;
const key = (record: Pick<UsageRecord, 'customerId' | 'accountId' | 'metric' | 'day'>) => `${record.customerId}/${record.accountId}/${record.metric}/${record.day}`;

/**
 * One quantity per account, metric and day, loaded like ledger entries: the same record again is a
 * no-op, a different quantity for a recorded day is a conflict (reported, not applied).
 */
export async function recordUsage(trx: Db, records: readonly UsageRecord[], now: Date): Promise<UsageOutcome[]> {
  const outcomes: UsageOutcome[] = [];
  const seen = new Map<string, number>();
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK);
    const fresh = chunk.filter((record) => !seen.has(key(record)));
    const inserted = new Set<string>();
    if (fresh.length > 0) {
      const unique = [...new Map(fresh.map((record) => [key(record), record])).values()];
      const rows = await trx
        .insertInto('accounts_usage')
        .values(unique.map((record) => ({ customer_id: record.customerId, account_id: record.accountId, day: record.day, metric: record.metric, quantity: record.quantity, created_at: now })))
        .onConflict((oc) => oc.columns(['customer_id', 'account_id', 'metric', 'day']).doNothing())
        .returning(['customer_id', 'account_id', 'metric', 'day'])
        .execute();
      for (const row of rows) inserted.add(key({ customerId: row.customer_id, accountId: row.account_id, metric: row.metric, day: row.day }));
    }
    const existing = await recorded(trx, chunk.filter((record) => !inserted.has(key(record))));
    for (const record of chunk) {
      const id = key(record);
      if (inserted.has(id)) {
        inserted.delete(id);
        seen.set(id, record.quantity);
        outcomes.push({ status: 'recorded' });
        continue;
      }
      const previous = seen.get(id) ?? existing.get(id)!;
      seen.set(id, previous);
      outcomes.push(Math.abs(previous - record.quantity) < 0.0005 ? { status: 'unchanged' } : { status: 'conflict', recorded: previous });
    }
  }
  return outcomes;
}

async function recorded(db: Db, records: readonly UsageRecord[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (records.length === 0) return found;
  const rows = await db
    .selectFrom('accounts_usage')
    .select(['customer_id', 'account_id', 'metric', 'day', 'quantity'])
    .where((eb) =>
      eb.or(records.map((record) => eb.and([eb('customer_id', '=', record.customerId), eb('account_id', '=', record.accountId), eb('metric', '=', record.metric), eb('day', '=', record.day)]))),
    )
    .execute();
  for (const row of rows) found.set(key({ customerId: row.customer_id, accountId: row.account_id, metric: row.metric, day: row.day }), Number(row.quantity));
  return found;
}
