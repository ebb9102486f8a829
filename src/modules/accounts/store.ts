import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AccountKind, AccountsTables } from './tables.ts';

type AccountRow = Selectable<AccountsTables['accounts_account']>;

/** A personal account as other modules see it. */
export interface Account {
  customerId: string;
  id: string;
  number: string;
  subscriberCode: string | null;
  contractNumber: string | null;
  kind: AccountKind;
  address: string | null;
  status: 'active' | 'closed';
  /** Kopecks; blocked for debt below it; null: never blocked for debt. */
  blockThreshold: number | null;
}

const columns = [
  'customer_id as customerId',
  'id',
  'number',
  'subscriber_code as subscriberCode',
  'contract_number as contractNumber',
  'kind',
  'address',
  'status',
  'block_threshold as blockThreshold',
] as const;

/**
 * The account and subscriber-code indexes are global (an account number identifies one account of
 * the provider), so these lookups are by the unique key alone.
 */
export async function findAccountByNumber(db: Db, number: string): Promise<Account | undefined> {
  return db.selectFrom('accounts_account').select(columns).where('number', '=', number).executeTakeFirst();
}

/** Accounts by their numbers (a batch of the provider's billing names accounts so), keyed by number. */
export async function findAccountsByNumbers(db: Db, numbers: readonly string[]): Promise<Map<string, Account>> {
  const found = new Map<string, Account>();
  const unique = [...new Set(numbers)];
  for (let start = 0; start < unique.length; start += 1000) {
    const rows = await db.selectFrom('accounts_account').select(columns).where('number', 'in', unique.slice(start, start + 1000)).execute();
    for (const row of rows) found.set(row.number, row);
  }
  return found;
}

export async function findAccountBySubscriberCode(db: Db, code: string): Promise<Account | undefined> {
  return db.selectFrom('accounts_account').select(columns).where('subscriber_code', '=', code).executeTakeFirst();
}

export async function getAccount(db: Db, customerId: string, id: string): Promise<Account | undefined> {
  return db.selectFrom('accounts_account').select(columns).where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst();
}

/** Accounts by (customer, id) pairs, e.g. for a page of a queue. */
export async function findAccounts(db: Db, keys: ReadonlyArray<{ customerId: string; id: string }>): Promise<Account[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('accounts_account')
    .select(columns)
    .where((eb) => eb.or(keys.map((key) => eb.and([eb('customer_id', '=', key.customerId), eb('id', '=', key.id)]))))
    .execute();
}

/** Accounts whose subscriber code or number is exactly `term` (what staff type into a search box). */
export async function findAccountsByCodeOrNumber(db: Db, term: string): Promise<Account[]> {
  return db
    .selectFrom('accounts_account')
    .select(columns)
    .where((eb) => eb.or([eb('subscriber_code', '=', term), eb('number', '=', term)]))
    .limit(50)
    .execute();
}

export async function insertAccount(db: Db, account: Omit<Account, 'status'>, now: Date): Promise<void> {
  await db
    .insertInto('accounts_account')
    .values({
      customer_id: account.customerId,
      id: account.id,
      number: account.number,
      subscriber_code: account.subscriberCode,
      contract_number: account.contractNumber,
      kind: account.kind,
      address: account.address,
      status: 'active',
      block_threshold: account.blockThreshold,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateAccount(
  db: Db,
  key: { customerId: string; id: string },
  changes: Partial<Pick<AccountRow, 'subscriber_code' | 'contract_number' | 'kind' | 'address' | 'block_threshold'>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('accounts_account')
    .set({ ...changes, updated_at: now })
    .where('customer_id', '=', key.customerId)
    .where('id', '=', key.id)
    .execute();
}
