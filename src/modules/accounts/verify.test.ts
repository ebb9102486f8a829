import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createAccount, post } from '../../../test/support/accounts.ts';
import { createCustomer } from '../../../test/support/parties.ts';
import { runKabinetCommand } from '../../../test/support/process.ts';
import { openDatabase } from '../../platform/db/database.ts';

// A fresh embedded data directory runs initdb and the migrations first (several seconds).
vi.setConfig({ testTimeout: 300_000 });

const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = path.join(dir, 'data');
const env = { KABINET_DATA_DIR: dataDir, DATABASE_URL: undefined };

/** Opens the data directory in this process — only ever after the command's process has exited. */
async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

describe('kabinet verify ledger', () => {
  it('agrees on a fresh database and on posted entries, and names an account whose balance was tampered with', async () => {
    const fresh = await runKabinetCommand(['verify', 'ledger'], env);
    expect(fresh.code, fresh.output).toBe(0);
    expect(fresh.stdout).toContain('Ledger: 0 accounts, 0 entries checked; every balance equals the sum of its entries.');

    const number = await withDatabase(async (db) => {
      const customerId = await createCustomer(db);
      const account = await createAccount(db, customerId, { number: 'ЛС-VERIFY-1', blockThreshold: null });
      await post(db, { customerId, accountId: account.id }, { kind: 'payment', amount: 50_000 }, { kind: 'charge', amount: -12_345 });
      return account.number;
    });
    const posted = await runKabinetCommand(['verify', 'ledger'], env);
    expect(posted.code, posted.output).toBe(0);
    expect(posted.stdout).toContain('Ledger: 1 accounts, 2 entries checked; every balance equals the sum of its entries.');

    await withDatabase((db) => db.updateTable('accounts_account').set({ balance: 1 }).where('number', '=', number).execute());
    const tampered = await runKabinetCommand(['verify', 'ledger'], env);
    expect(tampered.code, tampered.output).toBe(1);
    expect(tampered.stdout).toContain('Ledger: 1 accounts, 2 entries checked; 1 disagree.');
    expect(tampered.output).toContain(`account ${number}: balance 1 kopecks, entries sum to 37655`);
  });

  it('answers 2 to wrong usage', async () => {
    const wrong = await runKabinetCommand(['verify', 'balances'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toContain('Usage: kabinet verify ledger');
  });
});
