import ExcelJS from 'exceljs';
import { wallClock } from '../../platform/dates.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { allEntries, requireAccount, resolveSelection, type HistoryContext, type HistoryEntry, type HistoryFilter } from './history.ts';
import { getFullStatement, type Statement, type StatementEntry } from './statement.ts';
import type { ChargeType, EntryKind } from './tables.ts';

/**
 * Files of the history and of a statement.
 *
 * CSV is made for a spreadsheet set to Russian, whatever the interface language: UTF-8 with a BOM,
 * `;` between fields, CRLF, money in rubles with a decimal comma ("-1500,00") so Excel reads it as
 * a number, times in the provider's time zone. It is one table with a header line (a statement adds
 * «Входящий остаток» and «Исходящий остаток» lines around its entries), so any CSV reader takes it.
 * XLSX carries money as numbers of rubles formatted with ₽, times as dates, and a header block
 * with the account, the customer, the period and the balances.
 */
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The amount column (and the balance after it) of the entry table. */
const MONEY_COLUMN = 6;
const RUBLES = '#,##0.00 "₽";-#,##0.00 "₽"';

const TEXT = {
  ru: {
    kinds: { charge: 'Начисление', payment: 'Оплата', correction: 'Корректировка', promised_credit: 'Обещанный платёж', promised_reversal: 'Списание обещанного платежа' },
    chargeTypes: { one_time: 'Разовое', periodic: 'Периодическое' },
    columns: { date: 'Дата', kind: 'Операция', chargeType: 'Тип начисления', service: 'Услуга', period: 'Расчётный период', description: 'Описание', amount: 'Сумма (₽)', balance: 'Остаток (₽)' },
    statementTitle: 'Выписка по лицевому счёту',
    historyTitle: 'История операций по лицевому счёту',
    account: 'Лицевой счёт',
    customer: 'Абонент',
    address: 'Адрес',
    period: 'Период',
    wholeHistory: 'за всё время',
    opening: 'Входящий остаток',
    closing: 'Исходящий остаток',
    credit: 'Поступления',
    debit: 'Списания',
    oneTime: 'Начисления разовые',
    periodic: 'Начисления периодические',
    payments: 'Оплаты',
    statementFile: 'Выписка',
    historyFile: 'История',
    sheet: 'Выписка',
    historySheet: 'История',
  },
  en: {
    kinds: { charge: 'Charge', payment: 'Payment', correction: 'Correction', promised_credit: 'Promised payment', promised_reversal: 'Promised payment reversal' },
    chargeTypes: { one_time: 'One-time', periodic: 'Periodic' },
    columns: { date: 'Date', kind: 'Operation', chargeType: 'Charge type', service: 'Service', period: 'Billing period', description: 'Description', amount: 'Amount (₽)', balance: 'Balance (₽)' },
    statementTitle: 'Statement of the personal account',
    historyTitle: 'Operations of the personal account',
    account: 'Personal account',
    customer: 'Customer',
    address: 'Address',
    period: 'Period',
    wholeHistory: 'all time',
    opening: 'Opening balance',
    closing: 'Closing balance',
    credit: 'Credits',
    debit: 'Debits',
    oneTime: 'One-time charges',
    periodic: 'Periodic charges',
    payments: 'Payments',
    statementFile: 'Statement',
    historyFile: 'History',
    sheet: 'Statement',
    historySheet: 'History',
  },
} satisfies Record<Locale, unknown>;

type Texts = (typeof TEXT)['ru'];

export interface ExportOptions {
  format: ExportFormat;
  locale: Locale;
  customerName: string;
}

/** The statement for a period with all its entries, as a file. */
export async function exportAccountStatement(ctx: HistoryContext, customerId: string, accountId: string, period: { from: string; to: string }, options: ExportOptions): Promise<ExportFile> {
  const statement = await getFullStatement(ctx, customerId, accountId, period);
  const texts = TEXT[options.locale];
  const name = `${texts.statementFile} ${safeName(statement.account.number)} ${displayDate(period.from, options.locale)}–${displayDate(period.to, options.locale)}`;
  const body = options.format === 'csv' ? statementCsv(statement, texts, ctx.timeZone, options.locale) : await statementXlsx(statement, texts, ctx.timeZone, options);
  return { body, contentType: CONTENT_TYPES[options.format], fileName: `${name}.${options.format}` };
}

/** The filtered history, oldest first, as a file. */
export async function exportAccountEntries(ctx: HistoryContext, customerId: string, accountId: string, filter: HistoryFilter, options: ExportOptions): Promise<ExportFile> {
  const account = await requireAccount(ctx.db, customerId, accountId);
  const selection = await resolveSelection(ctx, customerId, accountId, filter);
  const entries = await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const found: HistoryEntry[] = [];
      for await (const entry of allEntries(trx, selection)) found.push(entry);
      return found;
    });
  const texts = TEXT[options.locale];
  const period = filter.from || filter.to ? `${filter.from ? displayDate(filter.from, options.locale) : '…'}–${filter.to ? displayDate(filter.to, options.locale) : '…'}` : texts.wholeHistory;
  const fileName = `${texts.historyFile} ${safeName(account.number)}${filter.from || filter.to ? ` ${period}` : ''}.${options.format}`;
  if (options.format === 'csv') {
    const lines = [entryHeader(texts, false), ...entries.map((entry) => entryCells(entry, texts, ctx.timeZone, options.locale))];
    return { body: csvFile(lines), contentType: CONTENT_TYPES.csv, fileName };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(texts.historySheet);
  const head: Array<[string, string | number]> = [
    [texts.account, account.number],
    [texts.customer, options.customerName],
    ...(account.address ? [[texts.address, account.address] as [string, string]] : []),
    [texts.period, period],
  ];
  writeHeaderBlock(sheet, texts.historyTitle, head);
  writeEntryTable(sheet, entries, texts, ctx.timeZone, false);
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: CONTENT_TYPES.xlsx, fileName };
}

function statementCsv(statement: Statement & { entries: StatementEntry[] }, texts: Texts, timeZone: string, locale: Locale): Buffer {
  const blank = ['', '', '', '', ''];
  const lines = [
    entryHeader(texts, true),
    [displayDate(statement.from, locale), texts.opening, ...blank, rubles(statement.openingBalance)],
    ...statement.entries.map((entry) => [...entryCells(entry, texts, timeZone, locale), rubles(entry.balanceAfter)]),
    [displayDate(statement.to, locale), texts.closing, ...blank, rubles(statement.closingBalance)],
  ];
  return csvFile(lines);
}

async function statementXlsx(statement: Statement & { entries: StatementEntry[] }, texts: Texts, timeZone: string, options: ExportOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(texts.sheet);
  const money = (kopecks: number) => kopecks / 100;
  writeHeaderBlock(sheet, texts.statementTitle, [
    [texts.account, statement.account.number],
    [texts.customer, options.customerName],
    ...(statement.account.address ? [[texts.address, statement.account.address] as [string, string]] : []),
    [texts.period, `${displayDate(statement.from, options.locale)} – ${displayDate(statement.to, options.locale)}`],
    [texts.opening, money(statement.openingBalance)],
    [texts.credit, money(statement.turnover.credit)],
    [texts.debit, money(statement.turnover.debit)],
    [texts.oneTime, money(statement.charges.oneTime)],
    [texts.periodic, money(statement.charges.periodic)],
    [texts.payments, money(statement.payments)],
    [texts.closing, money(statement.closingBalance)],
  ]);
  writeEntryTable(sheet, statement.entries, texts, timeZone, true);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeHeaderBlock(sheet: ExcelJS.Worksheet, title: string, rows: Array<[string, string | number]>) {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  for (const [label, value] of rows) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (typeof value === 'number') row.getCell(2).numFmt = RUBLES;
  }
  sheet.addRow([]);
}

function writeEntryTable(sheet: ExcelJS.Worksheet, entries: ReadonlyArray<HistoryEntry & { balanceAfter?: number }>, texts: Texts, timeZone: string, withBalance: boolean) {
  const header = sheet.addRow(entryHeader(texts, withBalance));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const entry of entries) {
    const row = sheet.addRow([
      wallClock(entry.occurredAt, timeZone),
      texts.kinds[entry.kind],
      entry.chargeType ? texts.chargeTypes[entry.chargeType] : null,
      entry.serviceCode,
      entry.period ? wallClock(new Date(`${entry.period}T00:00:00Z`), 'UTC') : null,
      entry.description,
      entry.amount / 100,
      ...(withBalance ? [entry.balanceAfter! / 100] : []),
    ]);
    row.getCell(1).numFmt = 'dd.mm.yyyy hh:mm';
    row.getCell(5).numFmt = 'mm.yyyy';
    row.getCell(7).numFmt = RUBLES;
    if (withBalance) row.getCell(8).numFmt = RUBLES;
  }
  const widths = [18, 28, 16, 16, 16, 40, 16, 16];
  widths.slice(0, withBalance ? 8 : 7).forEach((width, index) => (sheet.getColumn(index + 1).width = width));
}

function entryHeader(texts: Texts, withBalance: boolean): string[] {
  const c = texts.columns;
  return [c.date, c.kind, c.chargeType, c.service, c.period, c.description, c.amount, ...(withBalance ? [c.balance] : [])];
}

function entryCells(entry: HistoryEntry, texts: Texts, timeZone: string, locale: Locale): string[] {
  return [
    displayDateTime(entry.occurredAt, timeZone, locale),
    texts.kinds[entry.kind as EntryKind],
    entry.chargeType ? texts.chargeTypes[entry.chargeType as ChargeType] : '',
    entry.serviceCode ?? '',
    entry.period ? displayMonth(entry.period, locale) : '',
    entry.description ?? '',
    rubles(entry.amount),
  ];
}

/** Kopecks as rubles with a decimal comma: -150050 → "-1500,50". Exact: no floating point. */
export function rubles(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const absolute = Math.abs(kopecks);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}

/** RFC 4180 quoting with `;`; text that a spreadsheet would run as a formula is neutralised. */
function csvFile(lines: string[][]): Buffer {
  const cell = (value: string, column: number) => {
    // Our money columns may start with "-"; free text may not start a formula.
    const isMoney = column >= MONEY_COLUMN && /^-?\d+,\d{2}$/.test(value);
    const safe = !isMoney && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return Buffer.from(`\uFEFF${lines.map((line) => line.map(cell).join(';')).join('\r\n')}\r\n`, 'utf8');
}

function parts(at: Date, timeZone: string) {
  const formatted = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => formatted.find((part) => part.type === type)?.value ?? '00';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function displayDateTime(at: Date, timeZone: string, locale: Locale): string {
  const p = parts(at, timeZone);
  return locale === 'ru' ? `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}` : `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

function displayDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-');
  return locale === 'ru' ? `${day}.${month}.${year}` : date;
}

function displayMonth(date: string, locale: Locale): string {
  const [year, month] = date.split('-');
  return locale === 'ru' ? `${month}.${year}` : `${year}-${month}`;
}

function safeName(value: string): string {
  return value.replace(/[\\/:*?"<>|]/g, '_');
}
