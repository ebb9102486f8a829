import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { client } from '../../../test/support/account.ts';
import { createAccount, post } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { registerCustomer, type Registered } from '../../../test/support/identity.ts';
import { addMember, createCustomer } from '../../../test/support/parties.ts';
import { readCsv } from '../../platform/csv/csv.ts';
import { postEntries, type NewEntry } from './ledger.ts';
import { recordUsage } from './usage.ts';

vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
let head: Registered;
let customerId: string;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  t = await createTestApp();
  head = await registerCustomer(t.app, t.database.db);
  customerId = await createCustomer(t.database.db, { name: 'ООО «Вектор»' });
  await addMember(t.database.db, customerId, head.userId, { role: 'head' });
  call = client(t.app, head.cookie);
});
afterAll(async () => t?.close());

async function newAccount(options: { kind?: 'internet' | 'water' } = {}) {
  const { id, number } = await createAccount(t.database.db, customerId, { blockThreshold: null, ...options });
  return { customerId, accountId: id, number };
}

const url = (accountId: string, path: string, query: Record<string, string | string[]> = {}) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const item of [value].flat()) search.append(name, item);
  const text = search.toString();
  return `/customers/${customerId}/accounts/${accountId}/${path}${text ? `?${text}` : ''}`;
};

interface Entry {
  id: string;
  kind: string;
  amount: number;
  occurredAt: string;
}

/** Every entry of the history through the cursor, `limit` at a time. */
async function pageThrough(accountId: string, query: Record<string, string | string[]>, limit: number): Promise<Entry[]> {
  const all: Entry[] = [];
  let cursor: string | null = null;
  do {
    const response = await call('GET', url(accountId, 'entries', { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) }));
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: Entry[]; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

describe('GET …/statement', () => {
  it('puts entries at the boundaries of the period by the Moscow calendar', async () => {
    expect(t.config.timeZone).toBe('Europe/Moscow');
    const account = await newAccount();
    await post(
      t.database.db,
      account,
      // 28 February 23:59:59.999 in Moscow: before the period.
      { kind: 'payment', amount: 100_000, occurredAt: new Date('2026-02-28T20:59:59.999Z') },
      // 1 March 00:00 in Moscow (still 28 February in UTC): the first instant of the period.
      { kind: 'charge', amount: -40_000, chargeType: 'periodic', serviceCode: 'internet', period: '2026-03-01', occurredAt: new Date('2026-02-28T21:00:00Z') },
      // 31 March 23:59:59.999 in Moscow: the last instant of the period.
      { kind: 'charge', amount: -5_000, chargeType: 'one_time', serviceCode: 'static_ip', occurredAt: new Date('2026-03-31T20:59:59.999Z') },
      // 1 April 00:00 in Moscow: after it.
      { kind: 'payment', amount: 7_000, occurredAt: new Date('2026-03-31T21:00:00Z') },
    );
    const response = await call('GET', url(account.accountId, 'statement', { from: '2026-03-01', to: '2026-03-31' }));
    expect(response.statusCode, response.body).toBe(200);
    const statement = response.json();
    expect(statement).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      openingBalance: 100_000,
      turnover: { credit: 0, debit: -45_000 },
      closingBalance: 55_000,
      charges: { total: -45_000, oneTime: -5_000, periodic: -40_000 },
      payments: 0,
      entryCount: 2,
      truncated: false,
    });
    expect(statement.entries.map((entry: { amount: number; balanceAfter: number }) => [entry.amount, entry.balanceAfter])).toEqual([
      [-40_000, 60_000],
      [-5_000, 55_000],
    ]);
    // The next day starts where March ended.
    const april = (await call('GET', url(account.accountId, 'statement', { from: '2026-04-01', to: '2026-04-01' }))).json();
    expect(april).toMatchObject({ openingBalance: 55_000, closingBalance: 62_000, entryCount: 1 });
  });

  it('breaks charges into one-time and periodic and by service, and the whole history closes at the balance', async () => {
    const account = await newAccount();
    const at = (day: string) => new Date(`${day}T09:00:00Z`);
    await post(
      t.database.db,
      account,
      { kind: 'payment', amount: 150_000, occurredAt: at('2026-05-01') },
      { kind: 'charge', amount: -50_000, chargeType: 'periodic', serviceCode: 'internet', period: '2026-05-01', occurredAt: at('2026-05-01') },
      { kind: 'charge', amount: -15_000, chargeType: 'periodic', serviceCode: 'antivirus', period: '2026-05-01', occurredAt: at('2026-05-01') },
      { kind: 'charge', amount: -50_000, chargeType: 'periodic', serviceCode: 'internet', period: '2026-06-01', occurredAt: at('2026-06-01') },
      { kind: 'charge', amount: -30_000, chargeType: 'one_time', serviceCode: 'router', occurredAt: at('2026-06-10') },
      { kind: 'charge', amount: -2_000, chargeType: 'one_time', occurredAt: at('2026-06-11') },
      { kind: 'correction', amount: 5_000, description: 'Перерасчёт за перерыв связи', occurredAt: at('2026-06-12') },
      { kind: 'correction', amount: -1_000, occurredAt: at('2026-06-13') },
      { kind: 'promised_credit', amount: 60_000, occurredAt: at('2026-06-14') },
      { kind: 'promised_reversal', amount: -60_000, occurredAt: at('2026-06-21') },
    );
    const statement = (await call('GET', url(account.accountId, 'statement', { from: '2026-01-01', to: '2026-12-31' }))).json();
    expect(statement).toMatchObject({
      openingBalance: 0,
      turnover: { credit: 215_000, debit: -208_000 },
      closingBalance: 7_000,
      charges: { total: -147_000, oneTime: -32_000, periodic: -115_000 },
      payments: 150_000,
      corrections: 4_000,
      promisedCredits: 60_000,
      promisedReversals: -60_000,
      entryCount: 10,
    });
    expect(statement.charges.byService).toEqual([
      { serviceCode: 'internet', chargeType: 'periodic', amount: -100_000, count: 2 },
      { serviceCode: 'router', chargeType: 'one_time', amount: -30_000, count: 1 },
      { serviceCode: 'antivirus', chargeType: 'periodic', amount: -15_000, count: 1 },
      { serviceCode: null, chargeType: 'one_time', amount: -2_000, count: 1 },
    ]);
    const balance = (await call('GET', `/customers/${customerId}/accounts/${account.accountId}`)).json().balance;
    expect(statement.closingBalance).toBe(balance);
    // June alone: May is the opening balance.
    const june = (await call('GET', url(account.accountId, 'statement', { from: '2026-06-01', to: '2026-06-30' }))).json();
    expect(june).toMatchObject({ openingBalance: 85_000, closingBalance: 7_000, payments: 0, charges: { oneTime: -32_000, periodic: -50_000 } });
  });

  it('refuses a period that is malformed, reversed or too long, by field and in the caller’s language', async () => {
    const account = await newAccount();
    const reversed = await call('GET', url(account.accountId, 'statement', { from: '2026-03-02', to: '2026-03-01' }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'invalid_period', title: 'Период указан неверно.', errors: [{ field: 'to', code: 'before_from', message: 'Конец периода раньше его начала.' }] });

    const tooLong = await t.app.inject({
      method: 'GET',
      url: `/api/v1${url(account.accountId, 'statement', { from: '2000-01-01', to: '2020-01-01' })}`,
      headers: { cookie: head.cookie, 'accept-language': 'en' },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'invalid_period', errors: [{ field: 'to', code: 'period_too_long', message: 'The period cannot be longer than 20 years.' }] });
    // Twenty years less a day is allowed.
    expect((await call('GET', url(account.accountId, 'statement', { from: '2000-01-01', to: '2019-12-31' }))).statusCode).toBe(200);

    for (const [from, to] of [
      ['2026-13-01', '2026-12-31'],
      ['2026-02-30', '2026-03-31'],
      ['01.03.2026', '2026-03-31'],
    ]) {
      const malformed = await call('GET', url(account.accountId, 'statement', { from: from!, to: to! }));
      expect(malformed.statusCode, `${from}`).toBe(400);
      expect(malformed.json().errors).toEqual([expect.objectContaining({ field: 'from' })]);
    }
    const missing = await call('GET', url(account.accountId, 'statement', { from: '2026-01-01' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'to', code: 'required' })]);
  });
});

describe('ten years of entries', () => {
  const days = 3653; // 2016-01-01 … 2025-12-31
  let account: Awaited<ReturnType<typeof newAccount>>;
  const expected: Array<{ day: string; amount: number; chargeType: 'one_time' | 'periodic' | null }> = [];

  beforeAll(async () => {
    account = await newAccount();
    const entries: NewEntry[] = [];
    for (let index = 0; index < days; index++) {
      const date = new Date(Date.UTC(2016, 0, 1 + index));
      const day = date.toISOString().slice(0, 10);
      // Midnight in Moscow (21:00 UTC the day before) for the monthly charges: every one sits on a boundary.
      const entry: NewEntry =
        date.getUTCDate() === 1
          ? { ...account, externalId: `ten-${account.accountId}-${index}`, kind: 'charge', amount: -45_000, chargeType: 'periodic', serviceCode: 'internet', period: day, occurredAt: new Date(date.getTime() - 3 * 3600_000), source: 'test' }
          : index % 7 === 0
            ? { ...account, externalId: `ten-${account.accountId}-${index}`, kind: 'payment', amount: 12_000 + (index % 5) * 1_000, occurredAt: new Date(date.getTime() + 12 * 3600_000), source: 'test' }
            : { ...account, externalId: `ten-${account.accountId}-${index}`, kind: 'charge', amount: -((index % 13) + 1) * 100, chargeType: 'one_time', serviceCode: 'traffic', occurredAt: new Date(date.getTime() + 20 * 3600_000 + 59 * 60_000), source: 'test' };
      entries.push(entry);
      expected.push({ day, amount: entry.amount, chargeType: entry.chargeType ?? null });
    }
    for (let start = 0; start < entries.length; start += 2000) {
      const outcomes = await t.database.db.transaction().execute((trx) => postEntries(trx, entries.slice(start, start + 2000), new Date()));
      expect(outcomes.every((outcome) => outcome.status === 'posted')).toBe(true);
    }
  });

  function expectedStatement(from: string, to: string) {
    const before = expected.filter((entry) => entry.day < from);
    const within = expected.filter((entry) => entry.day >= from && entry.day <= to);
    const sum = (items: typeof expected) => items.reduce((total, entry) => total + entry.amount, 0);
    const opening = sum(before);
    return {
      openingBalance: opening,
      closingBalance: opening + sum(within),
      turnover: { credit: sum(within.filter((entry) => entry.amount > 0)), debit: sum(within.filter((entry) => entry.amount < 0)) },
      charges: { oneTime: sum(within.filter((entry) => entry.chargeType === 'one_time')), periodic: sum(within.filter((entry) => entry.chargeType === 'periodic')) },
      entryCount: within.length,
    };
  }

  it('states the whole ten years and any part of them exactly', async () => {
    const whole = (await call('GET', url(account.accountId, 'statement', { from: '2016-01-01', to: '2025-12-31' }))).json();
    expect(whole).toMatchObject({ ...expectedStatement('2016-01-01', '2025-12-31'), truncated: true });
    expect(whole.openingBalance).toBe(0);
    expect(whole.entries).toHaveLength(1000);
    expect(whole.entries[999].balanceAfter).toBe(expected.slice(0, 1000).reduce((total, entry) => total + entry.amount, 0));
    const balance = (await call('GET', `/customers/${customerId}/accounts/${account.accountId}`)).json().balance;
    expect(whole.closingBalance).toBe(balance);

    for (const [from, to] of [
      ['2019-03-01', '2023-08-31'],
      ['2020-02-29', '2020-02-29'],
      ['2016-01-02', '2025-12-30'],
    ] as const) {
      const part = (await call('GET', url(account.accountId, 'statement', { from, to }))).json();
      expect(part, `${from}…${to}`).toMatchObject(expectedStatement(from, to));
    }
  });

  it('exports all ten years as XLSX and CSV, each entry once, adding up to the closing balance', async () => {
    const xlsx = await call('GET', url(account.accountId, 'statement/export', { from: '2016-01-01', to: '2025-12-31', format: 'xlsx' }));
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const amounts: number[] = [];
    sheet.eachRow((row) => {
      const amount = row.getCell(7).value;
      if (typeof amount === 'number') amounts.push(amount);
    });
    expect(amounts).toHaveLength(days);

    const csv = await call('GET', url(account.accountId, 'statement/export', { from: '2016-01-01', to: '2025-12-31', format: 'csv' }));
    const records = readCsv(csv.rawPayload).map((item) => item.record);
    // Header, opening, the entries, closing.
    expect(records).toHaveLength(days + 3);
    const kopecks = (text: string) => Number(text.replace(',', ''));
    expect(records.slice(2, -1).reduce((total, record) => total + kopecks(record[6]!), 0)).toBe(expectedStatement('2016-01-01', '2025-12-31').closingBalance);
  });

  it('pages through the history newest first without duplicates or gaps', async () => {
    const all = await pageThrough(account.accountId, {}, 200);
    expect(all).toHaveLength(days);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(days);
    for (let index = 1; index < all.length; index++) expect(all[index - 1]!.occurredAt >= all[index]!.occurredAt).toBe(true);
    expect(all[0]!.occurredAt).toBe('2025-12-31T20:59:00.000Z');

    const payments = await pageThrough(account.accountId, { kind: 'payment', from: '2020-01-01', to: '2020-12-31' }, 7);
    const expectedPayments = expected.filter((entry) => entry.amount > 0 && entry.day.startsWith('2020-'));
    expect(payments.map((entry) => entry.amount)).toEqual(expectedPayments.map((entry) => entry.amount).reverse());
  });
});

describe('GET …/entries', () => {
  it('pages entries with the same instant by id, and an unknown cursor gives an empty page', async () => {
    const account = await newAccount();
    const at = new Date('2026-07-01T10:00:00Z');
    await post(t.database.db, account, ...Array.from({ length: 7 }, (_, index) => ({ kind: 'payment' as const, amount: 100 + index, occurredAt: at })));
    const all = await pageThrough(account.accountId, {}, 2);
    expect(all.map((entry) => entry.amount).sort()).toEqual([100, 101, 102, 103, 104, 105, 106]);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(7);
    const ids = all.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort().reverse());

    const stray = await call('GET', url(account.accountId, 'entries', { cursor: '01930000-0000-7000-8000-000000000000' }));
    expect(stray.json()).toEqual({ items: [], nextCursor: null });
    expect((await call('GET', url(account.accountId, 'entries', { limit: '201' }))).statusCode).toBe(400);
  });

  it('filters by kinds, charge type, service code and Moscow dates', async () => {
    const account = await newAccount();
    await post(
      t.database.db,
      account,
      { kind: 'payment', amount: 10_000, occurredAt: new Date('2026-08-01T09:00:00Z') },
      { kind: 'charge', amount: -100, chargeType: 'one_time', serviceCode: 'sms', occurredAt: new Date('2026-08-02T09:00:00Z') },
      { kind: 'charge', amount: -200, chargeType: 'periodic', serviceCode: 'internet', period: '2026-08-01', occurredAt: new Date('2026-08-02T21:00:00Z') },
      { kind: 'correction', amount: 300, occurredAt: new Date('2026-08-03T09:00:00Z') },
    );
    const amounts = async (query: Record<string, string | string[]>) => (await pageThrough(account.accountId, query, 50)).map((entry) => entry.amount);
    expect(await amounts({})).toEqual([300, -200, -100, 10_000]);
    expect(await amounts({ kind: ['payment', 'correction'] })).toEqual([300, 10_000]);
    expect(await amounts({ kind: 'charge', chargeType: 'periodic' })).toEqual([-200]);
    expect(await amounts({ serviceCode: 'sms' })).toEqual([-100]);
    // 2026-08-02T21:00Z is 3 August in Moscow.
    expect(await amounts({ from: '2026-08-03', to: '2026-08-03' })).toEqual([300, -200]);
    expect(await amounts({ to: '2026-08-02' })).toEqual([-100, 10_000]);
    const wrong = await call('GET', url(account.accountId, 'entries', { kind: 'gift' }));
    expect(wrong.statusCode).toBe(400);
  });
});

describe('exports', () => {
  it('gives a statement as CSV for a Russian spreadsheet and as XLSX with a header block', async () => {
    const account = await newAccount();
    await post(
      t.database.db,
      account,
      { kind: 'payment', amount: 100_050, occurredAt: new Date('2026-09-30T12:00:00Z') },
      { kind: 'charge', amount: -45_000, chargeType: 'periodic', serviceCode: 'internet', period: '2026-10-01', description: 'Тариф «Домашний 100»; октябрь', occurredAt: new Date('2026-09-30T21:00:00Z') },
      { kind: 'correction', amount: -5, description: '=HYPERLINK("http://evil")', occurredAt: new Date('2026-10-15T10:30:00Z') },
    );
    const csv = await call('GET', url(account.accountId, 'statement/export', { from: '2026-10-01', to: '2026-10-31', format: 'csv' }));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`Выписка ${account.number} 01.10.2026–31.10.2026.csv`)}`);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = readCsv(csv.rawPayload).map((item) => item.record);
    expect(records).toEqual([
      ['Дата', 'Операция', 'Тип начисления', 'Услуга', 'Расчётный период', 'Описание', 'Сумма (₽)', 'Остаток (₽)'],
      ['01.10.2026', 'Входящий остаток', '', '', '', '', '', '1000,50'],
      ['01.10.2026 00:00', 'Начисление', 'Периодическое', 'internet', '10.2026', 'Тариф «Домашний 100»; октябрь', '-450,00', '550,50'],
      ['15.10.2026 13:30', 'Корректировка', '', '', '', `'=HYPERLINK("http://evil")`, '-0,05', '550,45'],
      ['31.10.2026', 'Исходящий остаток', '', '', '', '', '', '550,45'],
    ]);

    const xlsx = await call('GET', url(account.accountId, 'statement/export', { from: '2026-10-01', to: '2026-10-31', format: 'xlsx' }));
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const byLabel = new Map<string, ExcelJS.Cell>();
    sheet.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2)));
    expect(sheet.getCell('A1').value).toBe('Выписка по лицевому счёту');
    expect(byLabel.get('Лицевой счёт')?.value).toBe(account.number);
    expect(byLabel.get('Абонент')?.value).toBe('ООО «Вектор»');
    expect(byLabel.get('Период')?.value).toBe('01.10.2026 – 31.10.2026');
    expect(byLabel.get('Входящий остаток')?.value).toBe(1000.5);
    expect(byLabel.get('Входящий остаток')?.numFmt).toContain('₽');
    expect(byLabel.get('Начисления периодические')?.value).toBe(-450);
    expect(byLabel.get('Исходящий остаток')?.value).toBe(550.45);
    const header = [...byLabel.keys()].indexOf('Дата');
    expect(header).toBeGreaterThan(0);
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row) => row.getCell(1).value instanceof Date && rows.push(row));
    expect(rows.map((row) => [row.getCell(2).value, row.getCell(7).value, row.getCell(8).value])).toEqual([
      ['Начисление', -450, 550.5],
      ['Корректировка', -0.05, 550.45],
    ]);
    expect(rows[0]!.getCell(1).value).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(rows[0]!.getCell(7).numFmt).toContain('₽');
  });

  it('gives the filtered history as a file, in English when asked', async () => {
    const account = await newAccount();
    await post(
      t.database.db,
      account,
      { kind: 'payment', amount: 5_000, occurredAt: new Date('2026-10-01T09:00:00Z') },
      { kind: 'charge', amount: -1_000, chargeType: 'one_time', occurredAt: new Date('2026-10-02T09:00:00Z') },
      { kind: 'payment', amount: 7_000, occurredAt: new Date('2026-10-03T09:00:00Z') },
    );
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1${url(account.accountId, 'entries/export', { kind: 'payment', format: 'csv' })}`,
      headers: { cookie: head.cookie, 'accept-language': 'en' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain(encodeURIComponent(`History ${account.number}.csv`));
    expect(readCsv(csv.rawPayload).map((item) => item.record.slice(0, 2).concat(item.record[6]!))).toEqual([
      ['Date', 'Operation', 'Amount (₽)'],
      ['2026-10-01 12:00', 'Payment', '50,00'],
      ['2026-10-03 12:00', 'Payment', '70,00'],
    ]);

    const xlsx = await call('GET', url(account.accountId, 'entries/export', { from: '2026-10-02', format: 'xlsx' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const amounts: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.getCell(1).value instanceof Date && amounts.push(row.getCell(7).value));
    expect(amounts).toEqual([-10, 70]);
    expect((await call('GET', url(account.accountId, 'entries/export', { format: 'pdf' }))).statusCode).toBe(400);
  });
});

describe('another customer’s account', () => {
  it('is not found through any of these routes', async () => {
    const other = await createCustomer(t.database.db);
    const { id } = await createAccount(t.database.db, other, { blockThreshold: null });
    await post(t.database.db, { customerId: other, accountId: id }, { kind: 'payment', amount: 1_000 });
    for (const [path, query] of [
      ['entries', {}],
      ['entries/export', { format: 'csv' }],
      ['statement', { from: '2026-01-01', to: '2026-12-31' }],
      ['statement/export', { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' }],
      ['usage', {}],
    ] as const) {
      const response = await call('GET', url(id, path, query));
      expect({ path, status: response.statusCode, code: response.json().code }).toEqual({ path, status: 404, code: 'account_not_found' });
    }
  });
});

describe('GET …/usage', () => {
  it('charts usage by day and by month with totals, zero where nothing was recorded', async () => {
    const account = await newAccount();
    const water = await newAccount({ kind: 'water' });
    await t.database.db.transaction().execute((trx) =>
      recordUsage(
        trx,
        [
          { ...account, metric: 'traffic_mb', day: '2026-01-30', quantity: 1500 },
          { ...account, metric: 'traffic_mb', day: '2026-01-31', quantity: 2500.5 },
          { ...account, metric: 'traffic_mb', day: '2026-02-02', quantity: 1000 },
          { ...account, metric: 'traffic_mb', day: '2026-03-15', quantity: 10 },
          { ...account, metric: 'operations', day: '2026-02-02', quantity: 3 },
          { ...water, metric: 'water_m3', day: '2026-02-10', quantity: 0.125 },
          { ...water, metric: 'water_m3', day: '2026-02-20', quantity: 0.25 },
        ],
        new Date(),
      ),
    );
    const daily = (await call('GET', url(account.accountId, 'usage', { from: '2026-01-30', to: '2026-02-02', granularity: 'day' }))).json();
    expect(daily).toEqual({
      metric: 'traffic_mb',
      metrics: ['operations', 'traffic_mb'],
      granularity: 'day',
      from: '2026-01-30',
      to: '2026-02-02',
      series: [
        { period: '2026-01-30', quantity: 1500 },
        { period: '2026-01-31', quantity: 2500.5 },
        { period: '2026-02-01', quantity: 0 },
        { period: '2026-02-02', quantity: 1000 },
      ],
      total: 5000.5,
      average: 1250.125,
      peak: { period: '2026-01-31', quantity: 2500.5 },
    });

    const monthly = (await call('GET', url(account.accountId, 'usage', { from: '2026-01-15', to: '2026-04-10', granularity: 'month' }))).json();
    expect(monthly).toMatchObject({
      from: '2026-01-01',
      to: '2026-04-30',
      series: [
        { period: '2026-01-01', quantity: 4000.5 },
        { period: '2026-02-01', quantity: 1000 },
        { period: '2026-03-01', quantity: 10 },
        { period: '2026-04-01', quantity: 0 },
      ],
      total: 5010.5,
    });
    const operations = (await call('GET', url(account.accountId, 'usage', { from: '2026-02-01', to: '2026-02-28', granularity: 'month', metric: 'operations' }))).json();
    expect(operations).toMatchObject({ metric: 'operations', series: [{ period: '2026-02-01', quantity: 3 }], total: 3 });

    const cubic = (await call('GET', url(water.accountId, 'usage', { from: '2026-02-01', to: '2026-02-28', granularity: 'month' }))).json();
    expect(cubic).toMatchObject({ metric: 'water_m3', total: 0.375 });

    const empty = (await call('GET', url((await newAccount()).accountId, 'usage', { granularity: 'month' }))).json();
    expect(empty).toMatchObject({ metric: null, metrics: [], total: 0, peak: null });
    expect(empty.series).toHaveLength(12);

    const tooMany = await call('GET', url(account.accountId, 'usage', { from: '2024-01-01', to: '2026-01-01', granularity: 'day' }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ field: 'to', code: 'period_too_long' })]);
  });
});
