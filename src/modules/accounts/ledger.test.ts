import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, post } from '../../../test/support/accounts.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCustomer } from '../../../test/support/parties.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { listBlocks } from './blocking.ts';
import { getBalance, postEntries, type NewEntry } from './ledger.ts';
import { verifyLedger } from './verify.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

async function newAccount(blockThreshold: number | null = 0) {
  const customerId = await createCustomer(database.db);
  const { id } = await createAccount(database.db, customerId, { blockThreshold });
  return { customerId, accountId: id };
}

describe('the ledger', () => {
  it('keeps the balance equal to the sum of entries, and a replay posts nothing', async () => {
    const account = await newAccount(null);
    const at = new Date('2026-11-01T09:00:00Z');
    const entries: NewEntry[] = [
      { ...account, externalId: 'L1-charge', kind: 'charge', amount: -50_000, chargeType: 'periodic', serviceCode: 'internet', period: '2026-11-01', occurredAt: at, source: 'test' },
      { ...account, externalId: 'L1-payment', kind: 'payment', amount: 70_000, occurredAt: at, source: 'test' },
    ];
    const first = await database.db.transaction().execute((trx) => postEntries(trx, entries, new Date()));
    expect(first.map((outcome) => outcome.status)).toEqual(['posted', 'posted']);
    for (let replay = 0; replay < 3; replay++) {
      const again = await database.db.transaction().execute((trx) => postEntries(trx, entries, new Date()));
      expect(again.map((outcome) => outcome.status)).toEqual(['unchanged', 'unchanged']);
    }
    expect(await getBalance(database.db, account.customerId, account.accountId)).toBe(20_000);
  });

  it('reports a conflicting replay with the fields that differ and applies nothing of it', async () => {
    const account = await newAccount(null);
    const entry: NewEntry = { ...account, externalId: 'L2-charge', kind: 'charge', amount: -10_000, chargeType: 'one_time', occurredAt: new Date('2026-11-02T00:00:00Z'), source: 'test' };
    await database.db.transaction().execute((trx) => postEntries(trx, [entry], new Date()));
    const [outcome] = await database.db.transaction().execute((trx) => postEntries(trx, [{ ...entry, amount: -12_000 }], new Date()));
    expect(outcome).toMatchObject({ status: 'conflict', differs: ['amount'] });
    expect(await getBalance(database.db, account.customerId, account.accountId)).toBe(-10_000);
  });

  it('treats a repeated external id inside one batch like a replay', async () => {
    const account = await newAccount(null);
    const entry: NewEntry = { ...account, externalId: 'L3-pay', kind: 'payment', amount: 100, occurredAt: new Date('2026-11-03T00:00:00Z'), source: 'test' };
    const outcomes = await database.db.transaction().execute((trx) => postEntries(trx, [entry, entry, { ...entry, amount: 200 }], new Date()));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['posted', 'unchanged', 'conflict']);
    expect(await getBalance(database.db, account.customerId, account.accountId)).toBe(100);
  });

  it('refuses amounts whose sign does not fit the kind', async () => {
    const account = await newAccount(null);
    await expect(post(database.db, account, { kind: 'charge', amount: 500 })).rejects.toThrow(/does not fit/);
    await expect(post(database.db, account, { kind: 'payment', amount: 10.5 })).rejects.toThrow(/does not fit/);
    expect(await getBalance(database.db, account.customerId, account.accountId)).toBe(0);
  });

  it('leaves nothing behind when the transaction fails half-way', async () => {
    const account = await newAccount(null);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await postEntries(trx, [{ ...account, externalId: 'L5-pay', kind: 'payment', amount: 1_000, occurredAt: new Date(), source: 'test' }], new Date());
        throw new Error('the process died');
      }),
    ).rejects.toThrow('the process died');
    expect(await getBalance(database.db, account.customerId, account.accountId)).toBe(0);
    const again = await post(database.db, account, { externalId: 'L5-pay', kind: 'payment', amount: 1_000 });
    expect(again[0]!.status).toBe('posted');
  });

  it('blocks the account when the balance falls below its threshold and lifts the block on payment', async () => {
    const account = await newAccount(0);
    await post(database.db, account, { kind: 'charge', amount: -30_000 });
    let blocks = await listBlocks(database.db, account.customerId, account.accountId);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ reason: 'debt', endedAt: null });

    await post(database.db, account, { kind: 'charge', amount: -1_000 });
    expect(await listBlocks(database.db, account.customerId, account.accountId)).toHaveLength(1);

    await post(database.db, account, { kind: 'payment', amount: 31_000 });
    blocks = await listBlocks(database.db, account.customerId, account.accountId);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.endedAt).toBeInstanceOf(Date);
  });

  it('serialises concurrent postings to one account without losing any', async () => {
    const account = await newAccount(null);
    await Promise.all(Array.from({ length: 10 }, () => post(database.db, account, { kind: 'payment', amount: 100 })));
    expect(await getBalance(database.db, account.customerId, account.accountId)).toBe(1_000);
  });

  it('verify ledger agrees after all of it, and names an account whose balance was tampered with', async () => {
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
    const account = await newAccount(null);
    await database.db.updateTable('accounts_account').set({ balance: 1 }).where('id', '=', account.accountId).execute();
    const report = await verifyLedger(database.db);
    expect(report.mismatches).toEqual([expect.objectContaining({ accountId: account.accountId, balance: 1, sum: 0 })]);
    await database.db.updateTable('accounts_account').set({ balance: 0 }).where('id', '=', account.accountId).execute();
  });
});
