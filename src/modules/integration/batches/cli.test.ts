import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runKabinet, runKabinetCommand } from '../../../../test/support/process.ts';
import { openDatabase } from '../../../platform/db/database.ts';
import { verifyLedger } from '../../accounts/index.ts';

/**
 * `kabinet import` as the operator runs it: real processes on an embedded data directory of their
 * own, one of them killed with SIGKILL in the middle of a file.
 */
describe('kabinet import <kind> <file>', () => {
  vi.setConfig({ testTimeout: 600_000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-batches-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  const env = { KABINET_DATA_DIR: dataDir, DATABASE_URL: undefined };
  const ACCOUNTS = Array.from({ length: 10 }, (_, i) => `ЛС-К-${i + 1}`);

  async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
    const handle = await openDatabase({ dataDir });
    try {
      return await work(handle.db);
    } finally {
      await handle.close();
    }
  }

  it('loads accounts from an XLSX workbook, listing the invalid rows by line (exit 1)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лицевые счета');
    sheet.addRow(['number', 'kind', 'customer_kind', 'customer_name', 'block_threshold']);
    ACCOUNTS.forEach((number, i) => sheet.addRow([number, 'internet', 'individual', `Абонент ${i + 1}`, null]));
    sheet.addRow(['ЛС-К-плохой', 'gas', 'individual', 'Абонент газа', null]);
    const file = path.join(dir, 'accounts.xlsx');
    await workbook.xlsx.writeFile(file);

    const run = await runKabinetCommand(['import', 'accounts', file], env);
    expect(run.code, run.output).toBe(1);
    expect(run.stdout).toContain('Accounts: 11 rows read; 10 added, 0 updated, 0 unchanged, 1 invalid.');
    expect(run.output).toContain('line 12: kind must be one of internet, water, acquiring, trade, got "gas"');
  });

  it('leaves whole batches when killed in the middle of a file; loading the file again completes it exactly', async () => {
    const ROWS = 20_000;
    const BATCH = 1000;
    const lines = ['external_id,account_number,amount,charge_type,period,occurred_at'];
    const expected = new Map<string, number>();
    for (let i = 0; i < ROWS; i++) {
      const account = ACCOUNTS[i % ACCOUNTS.length]!;
      const amount = 100 + (i % 5);
      expected.set(account, (expected.get(account) ?? 0) - amount);
      lines.push(`big-${i},${account},${amount},periodic,2026-11-01,2026-11-01T00:00:00+03:00`);
    }
    const file = path.join(dir, 'big.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const first = runKabinet(['import', 'charges', file, '--batch-size', String(BATCH)], env);
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (/1,000 \/ 20,000 rows/.test(first.output())) resolve();
      };
      first.child.stderr?.on('data', check);
      first.child.stdout?.on('data', check);
      first.child.once('exit', (code) => reject(new Error(`the import ended (${code}) before it was killed:\n${first.output()}`)));
    });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const afterKill = await withDatabase(async (db) => {
      const row = await db.selectFrom('accounts_ledger_entry').select((eb) => eb.fn.countAll<number>().as('n')).where('external_id', 'like', 'big-%').executeTakeFirstOrThrow();
      return { entries: Number(row.n), verified: await verifyLedger(db) };
    });
    expect(afterKill.entries % BATCH).toBe(0);
    expect(afterKill.entries).toBeGreaterThanOrEqual(BATCH);
    expect(afterKill.entries).toBeLessThan(ROWS);
    expect(afterKill.verified.mismatches).toEqual([]);

    const again = await runKabinetCommand(['import', 'charges', file, '--batch-size', String(BATCH)], env);
    expect(again.code, again.output).toBe(0);
    expect(again.stdout).toContain(`Charges: ${ROWS} rows read; ${ROWS - afterKill.entries} added, 0 updated, ${afterKill.entries} unchanged, 0 invalid.`);
    expect(again.output).toContain('20,000 / 20,000 rows');

    await withDatabase(async (db) => {
      const balances = await db.selectFrom('accounts_account').select(['number', 'balance']).where('number', 'in', ACCOUNTS).execute();
      expect(Object.fromEntries(balances.map((row) => [row.number, Number(row.balance)]))).toEqual(Object.fromEntries(expected));
      const row = await db.selectFrom('accounts_ledger_entry').select((eb) => eb.fn.countAll<number>().as('n')).where('external_id', 'like', 'big-%').executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(ROWS);
      expect((await verifyLedger(db)).mismatches).toEqual([]);
    });
  });

  it('answers 2 to wrong usage and 1 to a file it cannot use, loading nothing', async () => {
    expect((await runKabinetCommand(['import', 'charges', 'a.csv', '--batch-size', '0'], env)).code).toBe(2);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'external_id,colour\n1,red\n');
    const refused = await runKabinetCommand(['import', 'payments', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('unknown column "colour" in the first line');
    expect(refused.output).toContain('Nothing was loaded');
  });
});
