import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { AccountKind, NewEntry } from '../../src/modules/accounts/index.ts';
import { postEntries } from '../../src/modules/accounts/index.ts';
import type { MemberRole } from '../../src/modules/parties/index.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { registerCustomer } from './identity.ts';
import { addMember, createCustomer } from './parties.ts';

let counter = 0;

/** A personal account of the customer, written straight to the database (balance 0). */
export async function createAccount(
  db: Db,
  customerId: string,
  options: { kind?: AccountKind; number?: string; blockThreshold?: number | null; createdAt?: Date } = {},
): Promise<{ id: string; number: string }> {
  const id = uuidv7();
  const number = options.number ?? `ЛС-${process.pid}-${Date.now() % 100000}-${++counter}`;
  const at = options.createdAt ?? new Date();
  await db
    .insertInto('accounts_account')
    .values({
      customer_id: customerId,
      id,
      number,
      subscriber_code: null,
      contract_number: null,
      kind: options.kind ?? 'internet',
      address: null,
      status: 'active',
      block_threshold: options.blockThreshold === undefined ? 0 : options.blockThreshold,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, number };
}

/**
 * A signed-in member (`role`, head by default) of a new customer with one account: whom the
 * customer routes of an account answer. The account's threshold defaults to 0 as in createAccount.
 */
export async function accountHolder(app: FastifyInstance, db: Db, options: { role?: MemberRole; customerName?: string; blockThreshold?: number | null } = {}) {
  const user = await registerCustomer(app, db);
  const customerId = await createCustomer(db, options.customerName === undefined ? {} : { name: options.customerName });
  await addMember(db, customerId, user.userId, { role: options.role ?? 'head' });
  const account = await createAccount(db, customerId, options.blockThreshold === undefined ? {} : { blockThreshold: options.blockThreshold });
  return { cookie: user.cookie, userId: user.userId, customerId, accountId: account.id, number: account.number };
}

/** Posts entries in a transaction of their own; the external ids default to unique ones. */
export async function post(db: Db, account: { customerId: string; accountId: string }, ...entries: Array<Partial<NewEntry> & Pick<NewEntry, 'kind' | 'amount'>>) {
  return db.transaction().execute((trx) =>
    postEntries(
      trx,
      entries.map((entry) => ({
        externalId: `test-${uuidv7()}`,
        occurredAt: new Date(),
        source: 'test',
        chargeType: entry.kind === 'charge' ? 'one_time' : null,
        ...account,
        ...entry,
      })),
      new Date(),
    ),
  );
}
