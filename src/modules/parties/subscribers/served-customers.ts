import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../../platform/db/database.ts';
import type { CustomerKind } from '../tables.ts';

/** A customer the provider already serves, as its billing system describes it (CSV import, integration API). */
export interface ServedCustomer {
  kind: CustomerKind;
  name: string;
  /** Required for companies; optional for people. */
  inn: string | null;
  kpp: string | null;
  email: string | null;
}

export type ServedCustomerResult =
  | { outcome: 'created' | 'updated' | 'unchanged'; customerId: string }
  | { outcome: 'conflict'; reason: string };

/**
 * Finds the customer behind an imported account — the account's own customer when the account is
 * known, else a company by INN+KPP — and brings its name and email up to date; creates it, active,
 * when there is none. The status of a customer that exists is left alone: a company waiting for
 * moderation or blocked stays so. Call it inside the import's transaction.
 */
export async function upsertServedCustomer(db: Db, now: Date, input: ServedCustomer, options: { customerId?: string } = {}): Promise<ServedCustomerResult> {
  const found = options.customerId ? await byId(db, options.customerId) : input.kind === 'individual' ? undefined : await byTaxId(db, input.inn!, input.kpp);
  if (!found) {
    const id = uuidv7();
    await db
      .insertInto('party_customer')
      .values({
        id,
        kind: input.kind,
        status: 'active',
        name: input.name,
        inn: input.inn,
        kpp: input.kpp,
        email: input.email,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { outcome: 'created', customerId: id };
  }
  if (found.kind !== input.kind) {
    return { outcome: 'conflict', reason: `the account belongs to a customer of kind ${found.kind}, not ${input.kind}` };
  }
  if (input.kind !== 'individual' && (found.inn !== input.inn || (found.kpp ?? null) !== input.kpp)) {
    return { outcome: 'conflict', reason: `the account belongs to another customer (INN ${found.inn}${found.kpp ? `, KPP ${found.kpp}` : ''})` };
  }
  const changes = {
    ...(found.name !== input.name ? { name: input.name } : {}),
    ...(input.email !== null && found.email !== input.email ? { email: input.email } : {}),
    ...(input.kind === 'individual' && input.inn !== null && found.inn !== input.inn ? { inn: input.inn } : {}),
  };
  if (Object.keys(changes).length === 0) return { outcome: 'unchanged', customerId: found.id };
  await db
    .updateTable('party_customer')
    .set({ ...changes, updated_at: now })
    .where('id', '=', found.id)
    .execute();
  return { outcome: 'updated', customerId: found.id };
}

function selectCustomer(db: Db) {
  return db.selectFrom('party_customer').select(['id', 'kind', 'name', 'inn', 'kpp', 'email']);
}

async function byId(db: Db, id: string) {
  return selectCustomer(db).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The one live company with this INN and KPP (see party_customer_tax_id_key). */
async function byTaxId(db: Db, inn: string, kpp: string | null) {
  return selectCustomer(db)
    .where('inn', '=', inn)
    .where((eb) => (kpp === null ? eb('kpp', 'is', null) : eb('kpp', '=', kpp)))
    .where('kind', '<>', 'individual')
    .where('status', '<>', 'rejected')
    .forUpdate()
    .executeTakeFirst();
}
