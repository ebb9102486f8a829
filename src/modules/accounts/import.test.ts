import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCustomer } from '../../../test/support/parties.ts';
import { runKabinetCommand } from '../../../test/support/process.ts';
import { CsvFileError } from '../../platform/csv/csv.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { importAccounts } from './import.ts';
import { findAccountByNumber } from './store.ts';

const HEADER = 'number,subscriber_code,contract_number,kind,address,customer_kind,customer_name,inn,kpp,email';
// Valid checksums: 10 digits for organisations, 12 for sole proprietors and people.
const VECTOR = '6315004218';
const SMIRNOVA = '631912345610';
const ROMASHKA = '6317003153';

let database: DatabaseHandle;
const now = () => new Date();
const run = (csv: string) => importAccounts(database.db, csv, { now: now(), source: 'test' });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

async function customerOf(number: string) {
  const account = await findAccountByNumber(database.db, number);
  if (!account) throw new Error(`no account ${number}`);
  return database.db.selectFrom('party_customer').selectAll().where('id', '=', account.customerId).executeTakeFirstOrThrow();
}

describe('importAccounts', () => {
  const file = [
    HEADER,
    `ЛС-1,4217,Д-2019/4217,water,"г. Самара, ул. Ленинская, 120",legal_entity,ООО «Вектор»,${VECTOR},631501001,Info@Vektor.example`,
    `ЛС-2,4218,Д-2020/4218,water,,sole_proprietor,ИП Смирнова,${SMIRNOVA},,`,
    `ЛС-3,,,internet,,individual,Иванов Иван,,,`,
    // A second account of the same company: found by INN and KPP, not created twice.
    `ЛС-4,4219,Д-2019/4219,water,,legal_entity,ООО «Вектор»,${VECTOR},631501001,`,
  ].join('\n');

  it('creates active customers and their accounts; a second account of a company finds the company', async () => {
    const report = await run(file);
    expect(report).toEqual({ rows: 4, created: 4, updated: 0, unchanged: 0, problems: [] });
    const vector = await customerOf('ЛС-1');
    expect(vector).toMatchObject({ kind: 'legal_entity', status: 'active', name: 'ООО «Вектор»', inn: VECTOR, kpp: '631501001', email: 'info@vektor.example' });
    expect((await customerOf('ЛС-4')).id).toBe(vector.id);
    expect(await customerOf('ЛС-3')).toMatchObject({ kind: 'individual', inn: null, name: 'Иванов Иван' });
    expect(await findAccountByNumber(database.db, 'ЛС-1')).toMatchObject({ subscriberCode: '4217', contractNumber: 'Д-2019/4217', kind: 'water', address: 'г. Самара, ул. Ленинская, 120', status: 'active' });
  });

  it('changes nothing when the same file is loaded again', async () => {
    const before = await database.db.selectFrom('accounts_account').select(['id', 'updated_at']).orderBy('id').execute();
    const report = await run(file);
    expect(report).toEqual({ rows: 4, created: 0, updated: 0, unchanged: 4, problems: [] });
    expect(await database.db.selectFrom('accounts_account').select(['id', 'updated_at']).orderBy('id').execute()).toEqual(before);
  });

  it('updates an account and its customer by the account number', async () => {
    const report = await run(`${HEADER}\nЛС-3,,,internet,"ул. Новая, 1",individual,Иванов Иван Иванович,,,ivanov@example.ru`);
    expect(report).toMatchObject({ updated: 1, problems: [] });
    expect(await customerOf('ЛС-3')).toMatchObject({ name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' });
    expect((await findAccountByNumber(database.db, 'ЛС-3'))?.address).toBe('ул. Новая, 1');
  });

  it('reports invalid rows with their line and reason and applies the valid ones', async () => {
    const report = await run(
      [
        HEADER,
        `ЛС-10,123456,,water,,legal_entity,ООО «Шесть»,${ROMASHKA},,`,
        `ЛС-11,77,,gas,,legal_entity,ООО «Газ»,${ROMASHKA},,`,
        `ЛС-12,78,,water,,legal_entity,ООО «Без ИНН»,,,`,
        `ЛС-13,79,,water,,legal_entity,ООО «Контроль»,6315004217,,`,
        `ЛС-14,80,,water,,sole_proprietor,ИП Кпп,${SMIRNOVA},631501001,`,
        `ЛС-15,4217,,water,,legal_entity,ООО «Ромашка»,${ROMASHKA},631701001,`,
        `ЛС-16,81,,water,,legal_entity,ООО «Ромашка»,${ROMASHKA},631701001,not-an-email`,
        `ЛС-17,82,,water,,legal_entity,ООО «Ромашка»,${ROMASHKA},631701001,`,
        `ЛС-17,83,,water,,legal_entity,ООО «Ромашка»,${ROMASHKA},631701001,`,
        // The account exists for Vector: another INN cannot take it over.
        `ЛС-1,4217,Д-2019/4217,water,,legal_entity,ООО «Ромашка»,${ROMASHKA},631701001,`,
      ].join('\n'),
    );
    expect(report.created).toBe(1);
    expect(report.problems.map((problem) => problem.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11]);
    const reasons = Object.fromEntries(report.problems.map((problem) => [problem.line, problem.reason]));
    expect(reasons[2]).toContain('subscriber_code must be 1 to 5 digits');
    expect(reasons[3]).toContain('kind must be one of');
    expect(reasons[4]).toContain('inn is required for legal_entity');
    expect(reasons[5]).toContain('wrong check digit');
    expect(reasons[6]).toContain('kpp is only for legal_entity');
    expect(reasons[7]).toContain('subscriber code 4217 belongs to account ЛС-1');
    expect(reasons[8]).toContain('not an email address');
    expect(reasons[10]).toContain('already appears on line 9');
    expect(reasons[11]).toContain('belongs to another customer');
    expect(await findAccountByNumber(database.db, 'ЛС-17')).toMatchObject({ subscriberCode: '82' });
    expect(await findAccountByNumber(database.db, 'ЛС-10')).toBeUndefined();
    expect((await customerOf('ЛС-1')).name).toBe('ООО «Вектор»');
  });

  it('reads semicolon-separated files with a byte order mark, columns in any order', async () => {
    const report = await run(`\uFEFFcustomer_name;number;kind;customer_kind;inn;subscriber_code\r\nООО «Точка с запятой»;ЛС-20;trade;legal_entity;${ROMASHKA};\r\n`);
    expect(report).toMatchObject({ created: 1, problems: [] });
    // The same INN without KPP is another customer than the one with KPP 631701001.
    expect(await customerOf('ЛС-20')).toMatchObject({ name: 'ООО «Точка с запятой»', kpp: null });
  });

  it('refuses a file without the required columns, or with unknown ones, as a whole', async () => {
    await expect(run('number,kind\nЛС-30,water')).rejects.toThrow(CsvFileError);
    await expect(run(`${HEADER},colour\n`)).rejects.toThrow(/unknown column "colour"/);
    await expect(run('')).rejects.toThrow(/empty/);
  });

  it('keeps the status of a customer that registered itself and waits for moderation', async () => {
    const pending = await createCustomer(database.db, { status: 'pending', name: 'ООО «Ждёт»', inn: '7707083893' });
    await database.db.updateTable('party_customer').set({ kpp: '770701001' }).where('id', '=', pending).execute();
    const report = await run(`${HEADER}\nЛС-40,4240,,water,,legal_entity,ООО «Ждёт модерации»,7707083893,770701001,`);
    expect(report).toMatchObject({ created: 1, problems: [] });
    expect(await customerOf('ЛС-40')).toMatchObject({ id: pending, status: 'pending', name: 'ООО «Ждёт модерации»' });
  });
});

describe('kabinet import accounts', () => {
  vi.setConfig({ testTimeout: 180_000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-accounts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { KABINET_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: undefined };

  const kabinet = (args: string[]) => runKabinetCommand(args, env);

  it('loads the valid rows, lists the invalid ones and exits 1; a replay changes nothing', async () => {
    const csv = path.join(dir, 'accounts.csv');
    writeFileSync(csv, `${HEADER}\nЛС-1,4217,Д-2019/4217,water,,legal_entity,ООО «Вектор»,${VECTOR},631501001,\nЛС-2,12345678,,water,,individual,Петров,,,\n`);
    const first = await kabinet(['import', 'accounts', csv]);
    expect(first.code, first.output).toBe(1);
    expect(first.stdout).toContain('Accounts: 2 rows read; 1 added, 0 updated, 0 unchanged, 1 invalid.');
    expect(first.output).toContain('line 3: subscriber_code must be 1 to 5 digits');

    writeFileSync(csv, `${HEADER}\nЛС-1,4217,Д-2019/4217,water,,legal_entity,ООО «Вектор»,${VECTOR},631501001,\n`);
    const again = await kabinet(['import', 'accounts', csv]);
    expect(again.code, again.output).toBe(0);
    expect(again.stdout).toContain('Accounts: 1 rows read; 0 added, 0 updated, 1 unchanged, 0 invalid.');
  });

  it('answers 2 to wrong usage and 1 to a file it cannot use', async () => {
    expect((await kabinet(['import', 'accounts'])).code).toBe(2);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'colour\nred\n');
    const refused = await kabinet(['import', 'accounts', bad]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Nothing was loaded');
  });
});
