import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../../test/support/accounts.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { createCustomer } from '../../../../test/support/parties.ts';
import { validInn10, validInn12 } from '../../../../test/support/tax-ids.ts';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { findAccountByNumber, findContractByNumber, getBalance, verifyLedger } from '../../accounts/index.ts';
import { importTable, tableFromBuffer } from './files.ts';
import type { BatchContext, BatchKind } from './runner.ts';
import { loadBatch, loadUsage, postCharges, postCorrections, postPayments, upsertAccounts, upsertContracts, upsertCustomers } from './service.ts';

let database: DatabaseHandle;
const ctx = (): BatchContext => ({ now: new Date(), timeZone: 'Europe/Moscow', source: 'test' });
let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++seq}`;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

async function newAccount(options: { blockThreshold?: number | null } = {}) {
  const customerId = await createCustomer(database.db);
  const account = await createAccount(database.db, customerId, { number: unique('ЛС'), blockThreshold: options.blockThreshold ?? null });
  return { customerId, accountId: account.id, number: account.number };
}

async function entryCount() {
  const row = await database.db.selectFrom('accounts_ledger_entry').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('postCharges and postPayments', () => {
  it('posts charges (taken from the balance) and payments; replaying the batches three times changes nothing', async () => {
    const a = await newAccount();
    const b = await newAccount();
    const charges = [
      { external_id: unique('ch'), account_number: a.number, amount: 50_000, charge_type: 'periodic', service_code: 'internet', period: '2026-11', description: 'Абонентская плата', occurred_at: '2026-11-01' },
      { external_id: unique('ch'), account_number: b.number, amount: '12345', charge_type: 'one_time', occurred_at: '2026-11-03T12:00:00Z' },
    ];
    const payments = [
      { external_id: unique('pay'), account_number: a.number, amount: 70_000, occurred_at: '2026-11-05T09:30:00+03:00', description: 'Сбербанк' },
      { external_id: unique('pay'), account_number: b.number, amount: 10_000, occurred_at: '2026-11-05 10:00' },
    ];
    const first = await postCharges(database.db, charges, ctx());
    expect(first).toMatchObject({ kind: 'charges', received: 2, added: 2, unchanged: 0, invalid: 0, problems: [] });
    expect(await postPayments(database.db, payments, ctx())).toMatchObject({ added: 2, invalid: 0 });
    const balances = [await getBalance(database.db, a.customerId, a.accountId), await getBalance(database.db, b.customerId, b.accountId)];
    expect(balances).toEqual([20_000, -2_345]);
    const entries = await entryCount();
    const verified = await verifyLedger(database.db);

    for (let replay = 0; replay < 3; replay++) {
      expect(await postCharges(database.db, charges, ctx())).toMatchObject({ added: 0, unchanged: 2, invalid: 0 });
      expect(await postPayments(database.db, payments, ctx())).toMatchObject({ added: 0, unchanged: 2, invalid: 0 });
    }
    expect([await getBalance(database.db, a.customerId, a.accountId), await getBalance(database.db, b.customerId, b.accountId)]).toEqual(balances);
    expect(await entryCount()).toBe(entries);
    expect(await verifyLedger(database.db)).toEqual({ ...verified, mismatches: [] });

    const stored = await database.db.selectFrom('accounts_ledger_entry').selectAll().where('external_id', '=', charges[0]!.external_id).executeTakeFirstOrThrow();
    // A plain date is midnight on the provider's clock (Moscow, UTC+3); a month is its first day.
    expect(stored).toMatchObject({ kind: 'charge', amount: -50_000, charge_type: 'periodic', period: '2026-11-01', service_code: 'internet' });
    expect(new Date(stored.occurred_at).toISOString()).toBe('2026-10-31T21:00:00.000Z');
  });

  it('refuses a conflicting replay row-wise and changes nothing of it, applying the rest', async () => {
    const a = await newAccount();
    const id = unique('ch');
    await postCharges(database.db, [{ external_id: id, account_number: a.number, amount: 1000, charge_type: 'one_time', occurred_at: '2026-11-01T00:00:00Z' }], ctx());
    const before = await getBalance(database.db, a.customerId, a.accountId);
    const entries = await entryCount();

    const report = await postCharges(
      database.db,
      [
        { external_id: unique('ch'), account_number: a.number, amount: 500, charge_type: 'one_time', occurred_at: '2026-11-02T00:00:00Z' },
        { external_id: id, account_number: a.number, amount: 2000, charge_type: 'one_time', occurred_at: '2026-11-01T00:00:00Z' },
      ],
      ctx(),
    );
    expect(report).toMatchObject({ received: 2, added: 1, invalid: 1 });
    expect(report.problems).toEqual([{ index: 1, errors: [expect.objectContaining({ field: 'external_id', code: 'conflicting_replay' })] }]);
    expect(report.problems[0]!.errors[0]!.message.ru).toContain('уже загружена с другими данными (amount)');
    expect(await getBalance(database.db, a.customerId, a.accountId)).toBe(before! - 500);
    expect(await entryCount()).toBe(entries + 1);
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
  });

  it('reports invalid items with their index, field and Russian message while the valid ones apply', async () => {
    const a = await newAccount();
    const report = await postPayments(
      database.db,
      [
        { external_id: unique('pay'), account_number: a.number, amount: 100, occurred_at: '2026-11-01T10:00:00Z' },
        { external_id: unique('pay'), account_number: a.number, amount: -100, occurred_at: '2026-11-01T10:00:00Z' },
        { external_id: unique('pay'), account_number: 'нет-такого', amount: 100, occurred_at: '2026-11-01T10:00:00Z' },
        { account_number: a.number, amount: 1.5, occurred_at: 'вчера' },
        'not an object',
        { external_id: unique('pay'), account_number: a.number, amount: 100, occurred_at: '2026-11-01T10:00:00Z', charge_type: 'one_time' },
      ],
      ctx(),
    );
    expect(report).toMatchObject({ received: 6, added: 1, invalid: 5 });
    expect(report.problems.map((problem) => problem.index)).toEqual([1, 2, 3, 4, 5]);
    const byIndex = Object.fromEntries(report.problems.map((problem) => [problem.index, problem.errors]));
    expect(byIndex[1]).toEqual([{ field: 'amount', code: 'positive', message: { ru: 'amount: сумма должна быть больше нуля', en: 'amount must be more than zero' } }]);
    expect(byIndex[2]).toEqual([expect.objectContaining({ field: 'account_number', code: 'account_not_found', message: expect.objectContaining({ ru: 'Лицевой счёт нет-такого не найден' }) })]);
    expect(byIndex[3]!.map((error) => error.field)).toEqual(['external_id', 'amount', 'occurred_at']);
    expect(byIndex[4]![0]!.message.ru).toBe('Элемент должен быть объектом');
    // A charge sent as a payment: the field a payment does not have is named.
    expect(byIndex[5]).toEqual([expect.objectContaining({ field: 'charge_type', code: 'unknown_field' })]);
    expect(await getBalance(database.db, a.customerId, a.accountId)).toBe(100);
  });

  it('applies an item given twice once, and refuses a second one with the same id and other data', async () => {
    const a = await newAccount();
    const id = unique('pay');
    const item = { external_id: id, account_number: a.number, amount: 300, occurred_at: '2026-11-01T10:00:00Z' };
    const report = await postPayments(database.db, [item, item, { ...item, amount: 400 }], ctx());
    expect(report).toMatchObject({ added: 1, unchanged: 1, invalid: 1 });
    expect(report.problems[0]).toMatchObject({ index: 2, errors: [{ field: 'external_id', code: 'duplicate' }] });
    expect(await getBalance(database.db, a.customerId, a.accountId)).toBe(300);
  });

  it('posts corrections of either sign and refuses a zero one; a periodic charge needs its period', async () => {
    const a = await newAccount();
    const corrections = await postCorrections(
      database.db,
      [
        { external_id: unique('cor'), account_number: a.number, amount: -250, occurred_at: '2026-11-01T10:00:00Z', description: 'Перерасчёт' },
        { external_id: unique('cor'), account_number: a.number, amount: 1000, occurred_at: '2026-11-01T10:00:00Z' },
        { external_id: unique('cor'), account_number: a.number, amount: 0, occurred_at: '2026-11-01T10:00:00Z' },
      ],
      ctx(),
    );
    expect(corrections).toMatchObject({ added: 2, invalid: 1, problems: [{ index: 2, errors: [{ field: 'amount', code: 'nonzero' }] }] });
    expect(await getBalance(database.db, a.customerId, a.accountId)).toBe(750);
    const charge = await postCharges(database.db, [{ external_id: unique('ch'), account_number: a.number, amount: 100, charge_type: 'periodic', occurred_at: '2026-11-01T10:00:00Z', period: '2026-11-15' }], ctx());
    expect(charge.problems[0]!.errors.map((error) => error.field)).toEqual(['period']);
  });

  it('blocks for debt and unblocks on payment as the ledger does for any entry', async () => {
    const a = await newAccount({ blockThreshold: 0 });
    await postCharges(database.db, [{ external_id: unique('ch'), account_number: a.number, amount: 1000, charge_type: 'one_time', occurred_at: '2026-11-01T10:00:00Z' }], ctx());
    const open = () => database.db.selectFrom('accounts_block').select('reason').where('account_id', '=', a.accountId).where('ended_at', 'is', null).execute();
    expect(await open()).toEqual([{ reason: 'debt' }]);
    await postPayments(database.db, [{ external_id: unique('pay'), account_number: a.number, amount: 1000, occurred_at: '2026-11-02T10:00:00Z' }], ctx());
    expect(await open()).toEqual([]);
  });
});

describe('upsertCustomers, upsertContracts and upsertAccounts', () => {
  it('creates customers by the billing id once, updates them, and finds a company by INN and KPP the first time', async () => {
    const person = unique('cust');
    const company = unique('cust');
    const inn = validInn10();
    const existing = await createCustomer(database.db, { inn, name: 'ООО «Уже есть»' });
    const items = [
      { external_id: person, customer_kind: 'individual', customer_name: 'Иванов Иван', email: 'Ivanov@Example.ru' },
      { external_id: company, customer_kind: 'legal_entity', customer_name: 'ООО «Уже есть»', inn },
    ];
    const created = await upsertCustomers(database.db, items, ctx());
    expect(created.problems).toEqual([]);
    expect(created).toMatchObject({ added: 1, updated: 1, invalid: 0 });
    const refs = await database.db.selectFrom('integration_customer_ref').selectAll().where('external_id', 'in', [person, company]).execute();
    expect(refs.find((ref) => ref.external_id === company)?.customer_id).toBe(existing);

    for (let replay = 0; replay < 3; replay++) expect(await upsertCustomers(database.db, items, ctx())).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const people = await database.db.selectFrom('party_customer').select('id').where('name', '=', 'Иванов Иван').execute();
    expect(people).toHaveLength(1);

    const renamed = await upsertCustomers(database.db, [{ ...items[0], customer_name: 'Иванов Иван Иванович' }, { ...items[1], customer_kind: 'sole_proprietor', inn: validInn12() }], ctx());
    expect(renamed).toMatchObject({ updated: 1, invalid: 1, problems: [{ index: 1, errors: [{ code: 'customer_conflict' }] }] });
  });

  it('adds contracts of a loaded customer, refuses an unknown customer and another customer’s number', async () => {
    const owner = unique('cust');
    await upsertCustomers(database.db, [{ external_id: owner, customer_kind: 'individual', customer_name: 'Петров Пётр' }], ctx());
    const number = unique('Д');
    const report = await upsertContracts(
      database.db,
      [
        { number, customer_external_id: owner, signed_on: '2024-03-01' },
        { number: unique('Д'), customer_external_id: 'нет-такого' },
        { number: unique('Д'), customer_external_id: owner, customer_name: 'Лишнее' },
      ],
      ctx(),
    );
    expect(report).toMatchObject({ added: 1, invalid: 2 });
    expect(report.problems.map((problem) => [problem.index, problem.errors[0]!.code])).toEqual([
      [1, 'customer_not_found'],
      [2, 'customer_twice'],
    ]);
    expect(await findContractByNumber(database.db, number)).toMatchObject({ signedOn: '2024-03-01', status: 'active' });
    expect(await upsertContracts(database.db, [{ number, customer_external_id: owner, status: 'closed' }], ctx())).toMatchObject({ updated: 1 });
    const other = unique('cust');
    await upsertCustomers(database.db, [{ external_id: other, customer_kind: 'individual', customer_name: 'Сидоров' }], ctx());
    const taken = await upsertContracts(database.db, [{ number, customer_external_id: other }], ctx());
    expect(taken.problems[0]!.errors[0]).toMatchObject({ field: 'number', code: 'contract_of_another_customer' });
  });

  it('upserts accounts by number with their contract and threshold; a new threshold blocks at once', async () => {
    const owner = unique('cust');
    await upsertCustomers(database.db, [{ external_id: owner, customer_kind: 'individual', customer_name: 'Смирнова Анна' }], ctx());
    const number = unique('ЛС');
    const contract = unique('Д');
    const inline = unique('ЛС');
    const items = [
      { number, kind: 'internet', customer_external_id: owner, contract_number: contract, address: 'ул. Ленина, 1', block_threshold: 0 },
      { number: inline, kind: 'water', customer_kind: 'legal_entity', customer_name: 'ООО «Вода»', inn: validInn10(), kpp: '631501001', contract_number: unique('Д') },
    ];
    const loaded = await upsertAccounts(database.db, items, ctx());
    expect(loaded.problems).toEqual([]);
    expect(loaded).toMatchObject({ added: 2, invalid: 0 });
    expect(await upsertAccounts(database.db, items, ctx())).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const account = (await findAccountByNumber(database.db, number))!;
    expect(account).toMatchObject({ contractNumber: contract, blockThreshold: 0, address: 'ул. Ленина, 1' });
    expect(await findContractByNumber(database.db, contract)).toMatchObject({ customerId: account.customerId });

    await postCharges(database.db, [{ external_id: unique('ch'), account_number: number, amount: 100, charge_type: 'one_time', occurred_at: '2026-11-01T10:00:00Z' }], ctx());
    await upsertAccounts(database.db, [{ ...items[0], block_threshold: -1000 }], ctx());
    const blocks = () => database.db.selectFrom('accounts_block').select('ended_at').where('account_id', '=', account.id).execute();
    expect((await blocks()).every((block) => block.ended_at !== null)).toBe(true);
    expect(await upsertAccounts(database.db, [{ ...items[0], block_threshold: 0 }], ctx())).toMatchObject({ updated: 1 });
    expect((await blocks()).filter((block) => block.ended_at === null)).toHaveLength(1);

    // Another customer's contract: refused, and the customer the item would have created is not left behind.
    const stray = unique('ЛС');
    const refused = await upsertAccounts(database.db, [{ number: stray, kind: 'internet', customer_kind: 'individual', customer_name: 'Не должен появиться', contract_number: contract }], ctx());
    expect(refused.problems[0]!.errors[0]).toMatchObject({ field: 'contract_number', code: 'contract_of_another_customer' });
    expect(await database.db.selectFrom('party_customer').select('id').where('name', '=', 'Не должен появиться').execute()).toEqual([]);
    expect(await findAccountByNumber(database.db, stray)).toBeUndefined();
  });
});

describe('loadUsage', () => {
  it('records usage per day, leaves a replay unchanged and refuses another quantity for a recorded day', async () => {
    const a = await newAccount();
    const items = [
      { account_number: a.number, day: '2026-11-01', metric: 'traffic_mb', quantity: 1024 },
      { account_number: a.number, day: '2026-11-01', metric: 'water_m3', quantity: '1,25' },
      { account_number: a.number, day: '2026-11-02', metric: 'traffic_mb', quantity: 10.5 },
    ];
    const report = await loadUsage(database.db, items, ctx());
    expect(report).toMatchObject({ added: 2, invalid: 1, problems: [{ index: 2, errors: [{ field: 'quantity', code: 'integer' }] }] });
    expect(await loadUsage(database.db, items.slice(0, 2), ctx())).toMatchObject({ unchanged: 2 });
    const conflict = await loadUsage(database.db, [{ ...items[0], quantity: 2048 }], ctx());
    expect(conflict.problems[0]!.errors[0]).toMatchObject({ field: 'quantity', code: 'conflicting_replay' });
    const rows = await database.db.selectFrom('accounts_usage').select(['metric', 'quantity']).where('account_id', '=', a.accountId).orderBy('metric').execute();
    expect(rows.map((row) => [row.metric, Number(row.quantity)])).toEqual([
      ['traffic_mb', 1024],
      ['water_m3', 1.25],
    ]);
  });
});

describe('importTable', () => {
  async function xlsx(rows: unknown[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Начисления');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function state(numbers: string[]) {
    const accounts = await Promise.all(numbers.map((number) => findAccountByNumber(database.db, number)));
    return Promise.all(accounts.map((account) => getBalance(database.db, account!.customerId, account!.id)));
  }

  it('gives the same result for the same rows as CSV and as XLSX, in batches, with lines in the report', async () => {
    const csvAccounts = [await newAccount(), await newAccount()];
    const xlsxAccounts = [await newAccount(), await newAccount()];
    const rows = (accounts: Array<{ number: string }>, prefix: string) => [
      ['external_id', 'account_number', 'amount', 'charge_type', 'period', 'service_code', 'description', 'occurred_at'],
      [`${prefix}-1`, accounts[0]!.number, 15000, 'periodic', '2026-11-01', 'internet', 'Абонентская плата, ноябрь', '2026-11-01'],
      [`${prefix}-2`, accounts[1]!.number, 990, 'one_time', '', '', 'Статический IP', '2026-11-02T10:00:00'],
      [`${prefix}-3`, accounts[1]!.number, -5, 'one_time', '', '', '', '2026-11-02T10:00:00'],
      [],
      [`${prefix}-4`, accounts[0]!.number, 100, 'one_time', '', '', '', '2026-11-03T10:00:00+03:00'],
    ];
    const csvText = rows(csvAccounts, unique('csv'))
      .map((row) => row.map((cell) => (typeof cell === 'string' && cell.includes(',') ? `"${cell}"` : String(cell))).join(','))
      .join('\n');
    const xlsxRows = rows(xlsxAccounts, unique('xlsx')).map((row, at) => (at > 0 && row.length > 0 ? [...row.slice(0, 4), row[4] ? new Date(`${String(row[4])}T00:00:00Z`) : null, ...row.slice(5)] : row));

    const progress: number[] = [];
    const fromCsv = await importTable(database.db, 'charges', tableFromBuffer(Buffer.from(`\uFEFF${csvText}`)), ctx(), { batchSize: 2, onProgress: (p) => progress.push(p.rows) });
    const fromXlsx = await importTable(database.db, 'charges', tableFromBuffer(await xlsx(xlsxRows)), ctx(), { batchSize: 2 });
    expect(progress).toEqual([2, 4]);
    expect(fromCsv).toEqual(fromXlsx);
    expect(fromCsv).toMatchObject({ received: 4, added: 3, invalid: 1, problems: [{ index: 2, line: 4, errors: [{ field: 'amount' }] }] });
    expect(await state(csvAccounts.map((a) => a.number))).toEqual([-15100, -990]);
    expect(await state(xlsxAccounts.map((a) => a.number))).toEqual([-15100, -990]);
    const times = async (number: string) =>
      (await database.db.selectFrom('accounts_ledger_entry as e').innerJoin('accounts_account as a', 'a.id', 'e.account_id').select(['e.occurred_at', 'e.period']).where('a.number', '=', number).orderBy('e.occurred_at').execute()).map(
        (row) => [new Date(row.occurred_at).toISOString(), row.period],
      );
    expect(await times(xlsxAccounts[0]!.number)).toEqual(await times(csvAccounts[0]!.number));
    expect(await times(xlsxAccounts[1]!.number)).toEqual(await times(csvAccounts[1]!.number));
  });

  it('refuses a file that is not a table of the kind, as a whole', async () => {
    const run = async (kind: BatchKind, bytes: Buffer) => importTable(database.db, kind, tableFromBuffer(bytes), ctx());
    await expect(run('payments', Buffer.from('external_id,colour\n1,red\n'))).rejects.toThrow(/unknown column "colour"/);
    await expect(run('payments', Buffer.from('external_id,amount\n1,2\n'))).rejects.toThrow(/lacks the column\(s\) account_number, occurred_at/);
    await expect(run('payments', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).rejects.toThrow(/neither CSV/);
    await expect(run('payments', Buffer.from(''))).rejects.toThrow(/empty/);
  });

  it('loads the accounts file format of kabinet import accounts as it was', async () => {
    const number = unique('ЛС');
    const csv = `number;subscriber_code;kind;customer_kind;customer_name;inn\n${number};;internet;individual;Кузнецов;\n`;
    expect(await importTable(database.db, 'accounts', tableFromBuffer(Buffer.from(csv)), ctx())).toMatchObject({ added: 1 });
    expect(await loadBatch(database.db, 'accounts', [{ number, kind: 'internet', customer_kind: 'individual', customer_name: 'Кузнецов' }], ctx())).toMatchObject({ unchanged: 1 });
  });
});
