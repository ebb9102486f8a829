import type { Db } from '../../../platform/db/database.ts';

/** Our customers behind the billing's customer ids, by external id. */
export async function findCustomerRefs(db: Db, externalIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(externalIds)];
  for (let start = 0; start < unique.length; start += 1000) {
    const rows = await db
      .selectFrom('integration_customer_ref')
      .select(['external_id', 'customer_id'])
      .where('external_id', 'in', unique.slice(start, start + 1000))
      .execute();
    for (const row of rows) found.set(row.external_id, row.customer_id);
  }
  return found;
}

/** Remembers which customer the billing's id means; answers the customer it means now (another writer may have been first). */
export async function linkCustomerRef(db: Db, externalId: string, customerId: string, now: Date): Promise<string> {
  const inserted = await db
    .insertInto('integration_customer_ref')
    .values({ customer_id: customerId, external_id: externalId, created_at: now })
    .onConflict((oc) => oc.column('external_id').doNothing())
    .returning('customer_id')
    .executeTakeFirst();
  if (inserted) return customerId;
  const row = await db.selectFrom('integration_customer_ref').select('customer_id').where('external_id', '=', externalId).executeTakeFirstOrThrow();
  return row.customer_id;
}
