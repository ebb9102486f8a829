import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit/audit.ts';
import { CsvFileError, readCsv } from '../../platform/csv/csv.ts';
import type { Db } from '../../platform/db/database.ts';
import { checkInn, checkKpp, upsertServedCustomer, type CustomerKind } from '../parties/index.ts';
import { findAccountByNumber, findAccountBySubscriberCode, insertAccount, updateAccount, type Account } from './store.ts';
import type { AccountKind } from './tables.ts';

/** The columns of an accounts file; the first line names them, in any order. */
export const ACCOUNT_COLUMNS = ['number', 'subscriber_code', 'contract_number', 'kind', 'address', 'customer_kind', 'customer_name', 'inn', 'kpp', 'email'] as const;
const REQUIRED_COLUMNS = ['number', 'kind', 'customer_kind', 'customer_name'] as const;
type Column = (typeof ACCOUNT_COLUMNS)[number];

const ACCOUNT_KINDS: readonly AccountKind[] = ['internet', 'water', 'acquiring', 'trade'];
const CUSTOMER_KINDS: readonly CustomerKind[] = ['legal_entity', 'sole_proprietor', 'individual'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ImportedAccount {
  number: string;
  subscriberCode: string | null;
  contractNumber: string | null;
  kind: AccountKind;
  address: string | null;
  customer: { kind: CustomerKind; name: string; inn: string | null; kpp: string | null; email: string | null };
}

export interface ImportProblem {
  /** The line of the file (1 is the header). */
  line: number;
  reason: string;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

/**
 * Loads the provider's existing accounts from CSV (comma- or semicolon-separated, UTF-8). Each valid
 * row is applied in its own transaction: its customer (found or created, active) and its account
 * (by number). Rows with a problem are reported with their line and change nothing; replaying a
 * file changes nothing. A file that cannot be read as accounts at all throws {@link CsvFileError}.
 */
export async function importAccounts(db: Db, input: string | Buffer, options: { now: Date; source: string }): Promise<ImportReport> {
  const records = readCsv(input, { trim: true });
  const header = records.shift();
  if (!header) throw new CsvFileError('the file is empty: the first line must name the columns');
  const index = columnIndex(header.record);
  const report: ImportReport = { rows: 0, created: 0, updated: 0, unchanged: 0, problems: [] };
  const seenNumbers = new Map<string, number>();
  const seenCodes = new Map<string, number>();

  for (const { record, info } of records) {
    const line = info.lines;
    if (record.every((value) => value === '')) continue;
    report.rows++;
    const parsed = readRow(record, index);
    if ('problems' in parsed) {
      report.problems.push({ line, reason: parsed.problems.join('; ') });
      continue;
    }
    const row = parsed.row;
    const earlier = seenNumbers.get(row.number) ?? (row.subscriberCode ? seenCodes.get(row.subscriberCode) : undefined);
    if (earlier !== undefined) {
      const what = seenNumbers.has(row.number) ? `account number ${row.number}` : `subscriber code ${row.subscriberCode}`;
      report.problems.push({ line, reason: `${what} already appears on line ${earlier}` });
      continue;
    }

    try {
      const outcome = await db.transaction().execute((trx) => applyRow(trx, row, options.now));
      if (typeof outcome !== 'string') {
        report.problems.push({ line, reason: outcome.problem });
        continue;
      }
      report[outcome]++;
      // A later row for the same account or code contradicts this one: it is refused, not applied over it.
      seenNumbers.set(row.number, line);
      if (row.subscriberCode) seenCodes.set(row.subscriberCode, line);
    } catch (error) {
      // Another writer took the number or the code between our check and our write.
      if ((error as { code?: string }).code !== '23505') throw error;
      report.problems.push({ line, reason: `the account number or subscriber code is already used (${(error as { constraint?: string }).constraint ?? 'unique'})` });
    }
  }

  await recordAudit(db, options.now, {
    event: 'accounts.imported',
    origin: { ip: null, userAgent: options.source },
    details: { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, problems: report.problems.length },
  });
  return report;
}

async function applyRow(db: Db, row: ImportedAccount, now: Date): Promise<'created' | 'updated' | 'unchanged' | { problem: string }> {
  const existing = await findAccountByNumber(db, row.number);
  if (row.subscriberCode) {
    const holder = await findAccountBySubscriberCode(db, row.subscriberCode);
    if (holder && holder.number !== row.number) return { problem: `subscriber code ${row.subscriberCode} belongs to account ${holder.number}` };
  }
  const customer = await upsertServedCustomer(db, now, row.customer, existing ? { customerId: existing.customerId } : {});
  if (customer.outcome === 'conflict') return { problem: customer.reason };

  if (!existing) {
    await insertAccount(db, { customerId: customer.customerId, id: uuidv7(), number: row.number, subscriberCode: row.subscriberCode, contractNumber: row.contractNumber, kind: row.kind, address: row.address }, now);
    return 'created';
  }
  const changes = accountChanges(existing, row);
  if (Object.keys(changes).length > 0) await updateAccount(db, existing, changes, now);
  return Object.keys(changes).length > 0 || customer.outcome !== 'unchanged' ? 'updated' : 'unchanged';
}

function accountChanges(existing: Account, row: ImportedAccount) {
  return {
    ...(existing.subscriberCode !== row.subscriberCode ? { subscriber_code: row.subscriberCode } : {}),
    ...(existing.contractNumber !== row.contractNumber ? { contract_number: row.contractNumber } : {}),
    ...(existing.kind !== row.kind ? { kind: row.kind } : {}),
    ...(existing.address !== row.address ? { address: row.address } : {}),
  };
}

function columnIndex(header: string[]): Map<Column, number> {
  const index = new Map<Column, number>();
  header.forEach((name, position) => {
    const column = name.trim().toLowerCase();
    if (!(ACCOUNT_COLUMNS as readonly string[]).includes(column)) throw new CsvFileError(`unknown column "${name}" in the first line; the columns are ${ACCOUNT_COLUMNS.join(', ')}`);
    if (index.has(column as Column)) throw new CsvFileError(`column "${column}" appears twice in the first line`);
    index.set(column as Column, position);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !index.has(column));
  if (missing.length > 0) throw new CsvFileError(`the first line lacks the column(s) ${missing.join(', ')}`);
  return index;
}

/** One row, checked field by field; every problem of the row is reported at once. */
export function readRow(record: string[], index: Map<Column, number>): { row: ImportedAccount } | { problems: string[] } {
  const value = (column: Column) => {
    const position = index.get(column);
    const text = position === undefined ? '' : (record[position] ?? '').trim();
    return text === '' ? null : text;
  };
  const problems: string[] = [];
  const number = value('number');
  if (!number) problems.push('number is empty');
  else if (number.length > 64) problems.push('number is longer than 64 characters');

  const subscriberCode = value('subscriber_code');
  if (subscriberCode !== null && !/^\d{1,5}$/.test(subscriberCode)) problems.push(`subscriber_code must be 1 to 5 digits, got "${subscriberCode}"`);
  const contractNumber = value('contract_number');
  if (contractNumber !== null && contractNumber.length > 64) problems.push('contract_number is longer than 64 characters');
  const kind = value('kind');
  if (!ACCOUNT_KINDS.includes(kind as AccountKind)) problems.push(`kind must be one of ${ACCOUNT_KINDS.join(', ')}, got "${kind ?? ''}"`);
  const address = value('address');
  if (address !== null && address.length > 500) problems.push('address is longer than 500 characters');

  const customerKind = value('customer_kind');
  if (!CUSTOMER_KINDS.includes(customerKind as CustomerKind)) problems.push(`customer_kind must be one of ${CUSTOMER_KINDS.join(', ')}, got "${customerKind ?? ''}"`);
  const customerName = value('customer_name');
  if (!customerName) problems.push('customer_name is empty');
  else if (customerName.length > 300) problems.push('customer_name is longer than 300 characters');

  const inn = value('inn');
  const innLength = customerKind === 'legal_entity' ? 10 : 12;
  if (inn === null) {
    if (customerKind === 'legal_entity' || customerKind === 'sole_proprietor') problems.push(`inn is required for ${customerKind}`);
  } else if (!new RegExp(`^\\d{${innLength}}$`).test(inn)) {
    problems.push(`inn of ${customerKind ?? 'a customer'} must be ${innLength} digits, got "${inn}"`);
  } else if (checkInn(inn) !== undefined) {
    problems.push(`inn ${inn} has a wrong check digit`);
  }
  const kpp = value('kpp');
  if (kpp !== null) {
    if (customerKind !== 'legal_entity') problems.push('kpp is only for legal_entity');
    else if (checkKpp(kpp.toUpperCase()) !== undefined) problems.push(`kpp must be 9 characters (NNNNPPNNN), got "${kpp}"`);
  }
  const email = value('email')?.toLowerCase() ?? null;
  if (email !== null && (!EMAIL.test(email) || email.length > 254)) problems.push(`email "${email}" is not an email address`);

  if (problems.length > 0) return { problems };
  return {
    row: {
      number: number!,
      subscriberCode,
      contractNumber,
      kind: kind as AccountKind,
      address,
      customer: { kind: customerKind as CustomerKind, name: customerName!, inn, kpp: kpp?.toUpperCase() ?? null, email },
    },
  };
}

/** The report as the console prints it. */
export function describeImport(report: ImportReport): string {
  const lines = [`${report.rows} row(s): ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.problems.length} refused.`];
  for (const problem of report.problems) lines.push(`  line ${problem.line}: ${problem.reason}`);
  return lines.join('\n');
}
