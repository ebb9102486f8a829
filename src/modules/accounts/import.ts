import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit/audit.ts';
import { CsvFileError, readCsv } from '../../platform/csv/csv.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Localized } from '../../platform/http/errors.ts';
import { checkInn, checkKpp, upsertServedCustomer, type CustomerKind, type ServedCustomer } from '../parties/index.ts';
import { applyDebtRule } from './blocking.ts';
import { upsertContract } from './contracts.ts';
import { findAccountByNumber, findAccountBySubscriberCode, insertAccount, updateAccount, type Account } from './store.ts';
import type { AccountKind } from './tables.ts';

/** The columns of an accounts file; the first line names them, in any order. */
export const ACCOUNT_COLUMNS = ['number', 'subscriber_code', 'contract_number', 'kind', 'address', 'customer_kind', 'customer_name', 'inn', 'kpp', 'email', 'block_threshold'] as const;
const REQUIRED_COLUMNS = ['number', 'kind', 'customer_kind', 'customer_name'] as const;
type Column = (typeof ACCOUNT_COLUMNS)[number];
const CUSTOMER_COLUMNS = ['customer_kind', 'customer_name', 'inn', 'kpp', 'email'] as const;

const ACCOUNT_KINDS: readonly AccountKind[] = ['internet', 'water', 'acquiring', 'trade'];
const CUSTOMER_KINDS: readonly CustomerKind[] = ['legal_entity', 'sole_proprietor', 'individual'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ImportedAccount {
  number: string;
  subscriberCode: string | null;
  contractNumber: string | null;
  kind: AccountKind;
  address: string | null;
  /** Kopecks; `undefined` leaves the account's threshold as it is (a new account gets none). */
  blockThreshold?: number | null;
  /** The customer's own fields; null when the caller names the customer otherwise (see {@link applyAccount}). */
  customer: ServedCustomer | null;
}

/** What is wrong with one field of a row or item, in both languages of the interface. */
export interface FieldProblem {
  field: string;
  code: string;
  message: Localized;
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

/** Thrown inside a row's transaction to undo what the row wrote before its problem showed. */
class RowRefused extends Error {
  readonly problem: FieldProblem;

  constructor(problem: FieldProblem) {
    super(problem.message.en);
    this.problem = problem;
  }
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
      const outcome = await db.transaction().execute(async (trx) => {
        const applied = await applyAccount(trx, row, options.now);
        if (applied.status === 'invalid') throw new RowRefused(applied.problem);
        return applied.status;
      });
      report[outcome]++;
      // A later row for the same account or code contradicts this one: it is refused, not applied over it.
      seenNumbers.set(row.number, line);
      if (row.subscriberCode) seenCodes.set(row.subscriberCode, line);
    } catch (error) {
      if (error instanceof RowRefused) {
        report.problems.push({ line, reason: error.problem.message.en });
        continue;
      }
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

export type AccountOutcome = { status: 'created' | 'updated' | 'unchanged'; customerId: string; accountId: string } | { status: 'invalid'; problem: FieldProblem };

/**
 * Applies one checked account inside the caller's transaction: its customer (the account's own,
 * else found by INN and KPP, else created active — or, with `customerId`, that customer), the
 * contract it names (added when missing), and the account itself by number. On `invalid` the row
 * may have written part of itself: the caller rolls back (the row's transaction or a savepoint).
 */
export async function applyAccount(db: Db, row: ImportedAccount, now: Date, options: { customerId?: string } = {}): Promise<AccountOutcome> {
  const existing = await findAccountByNumber(db, row.number);
  if (row.subscriberCode) {
    const holder = await findAccountBySubscriberCode(db, row.subscriberCode);
    if (holder && holder.number !== row.number) {
      return invalid('subscriber_code', 'subscriber_code_taken', {
        ru: `Код абонента ${row.subscriberCode} принадлежит лицевому счёту ${holder.number}`,
        en: `subscriber code ${row.subscriberCode} belongs to account ${holder.number}`,
      });
    }
  }
  let customerId: string;
  let customerChanged = false;
  if (options.customerId) {
    if (existing && existing.customerId !== options.customerId) {
      return invalid('customer_external_id', 'account_of_another_customer', {
        ru: `Лицевой счёт ${row.number} принадлежит другому клиенту`,
        en: `the account ${row.number} belongs to another customer`,
      });
    }
    customerId = options.customerId;
  } else {
    if (!row.customer) throw new Error('applyAccount: a row without its customer needs options.customerId');
    const customer = await upsertServedCustomer(db, now, row.customer, existing ? { customerId: existing.customerId } : {});
    if (customer.outcome === 'conflict') {
      return invalid('customer_kind', 'account_of_another_customer', { ru: `Лицевой счёт принадлежит другому клиенту: ${customer.reason}`, en: customer.reason });
    }
    customerId = customer.customerId;
    customerChanged = customer.outcome !== 'unchanged';
  }
  if (row.contractNumber) {
    const contract = await upsertContract(db, { customerId, number: row.contractNumber }, now);
    if (contract.status === 'conflict') {
      return invalid('contract_number', 'contract_of_another_customer', {
        ru: `Договор ${row.contractNumber} заключён с другим клиентом`,
        en: `contract ${row.contractNumber} belongs to another customer`,
      });
    }
  }

  if (!existing) {
    const id = uuidv7();
    await insertAccount(db, { customerId, id, number: row.number, subscriberCode: row.subscriberCode, contractNumber: row.contractNumber, kind: row.kind, address: row.address, blockThreshold: row.blockThreshold ?? null }, now);
    return { status: 'created', customerId, accountId: id };
  }
  const changes = accountChanges(existing, row);
  if (Object.keys(changes).length > 0) {
    await updateAccount(db, existing, changes, now);
    // A new threshold may put the account into debt or out of it at once.
    if ('block_threshold' in changes) {
      const state = await db.selectFrom('accounts_account').select(['balance']).where('customer_id', '=', existing.customerId).where('id', '=', existing.id).executeTakeFirstOrThrow();
      await applyDebtRule(db, { customerId: existing.customerId, id: existing.id, balance: Number(state.balance), blockThreshold: row.blockThreshold ?? null }, now);
    }
  }
  const status = Object.keys(changes).length > 0 || customerChanged ? 'updated' : 'unchanged';
  return { status, customerId, accountId: existing.id };
}

function invalid(field: string, code: string, message: Localized): AccountOutcome {
  return { status: 'invalid', problem: { field, code, message } };
}

function accountChanges(existing: Account, row: ImportedAccount) {
  return {
    ...(existing.subscriberCode !== row.subscriberCode ? { subscriber_code: row.subscriberCode } : {}),
    ...(existing.contractNumber !== row.contractNumber ? { contract_number: row.contractNumber } : {}),
    ...(existing.kind !== row.kind ? { kind: row.kind } : {}),
    ...(existing.address !== row.address ? { address: row.address } : {}),
    ...(row.blockThreshold !== undefined && existing.blockThreshold !== row.blockThreshold ? { block_threshold: row.blockThreshold } : {}),
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
  const item: Record<string, string> = {};
  for (const [column, position] of index) item[column] = record[position] ?? '';
  const checked = checkAccountItem(item);
  return 'problems' in checked ? { problems: checked.problems.map((problem) => problem.message.en) } : checked;
}

/**
 * One account as a file row or an API item (fields named as the file's columns; numbers may come
 * as numbers or as text), checked field by field: every problem is reported at once. With
 * `customerByReference` the customer is named elsewhere and its own fields must be empty.
 */
export function checkAccountItem(item: Readonly<Record<string, unknown>>, options: { customerByReference?: boolean } = {}): { row: ImportedAccount } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string, ru: string, en: string) => problems.push({ field, code, message: { ru, en } });
  const value = (column: string): string | null => {
    const raw = item[column];
    if (raw === undefined || raw === null) return null;
    if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
    if (typeof raw !== 'string') {
      problem(column, 'type', `${column}: ожидается текст`, `${column} must be text`);
      return null;
    }
    const text = raw.trim();
    return text === '' ? null : text;
  };
  const number = value('number');
  if (!number) problem('number', 'required', 'Не указан номер лицевого счёта', 'number is empty');
  else if (number.length > 64) problem('number', 'too_long', 'Номер лицевого счёта длиннее 64 символов', 'number is longer than 64 characters');

  const subscriberCode = value('subscriber_code');
  if (subscriberCode !== null && !/^\d{1,5}$/.test(subscriberCode)) {
    problem('subscriber_code', 'format', `Код абонента — от 1 до 5 цифр, указано «${subscriberCode}»`, `subscriber_code must be 1 to 5 digits, got "${subscriberCode}"`);
  }
  const contractNumber = value('contract_number');
  if (contractNumber !== null && contractNumber.length > 64) problem('contract_number', 'too_long', 'Номер договора длиннее 64 символов', 'contract_number is longer than 64 characters');
  const kind = value('kind');
  if (!ACCOUNT_KINDS.includes(kind as AccountKind)) {
    problem('kind', 'one_of', `Вид счёта — одно из ${ACCOUNT_KINDS.join(', ')}, указано «${kind ?? ''}»`, `kind must be one of ${ACCOUNT_KINDS.join(', ')}, got "${kind ?? ''}"`);
  }
  const address = value('address');
  if (address !== null && address.length > 500) problem('address', 'too_long', 'Адрес длиннее 500 символов', 'address is longer than 500 characters');

  const threshold = value('block_threshold');
  let blockThreshold: number | undefined;
  if (threshold !== null) {
    if (/^-?\d{1,15}$/.test(threshold)) blockThreshold = Number(threshold);
    else problem('block_threshold', 'integer', `Порог блокировки — целое число копеек, указано «${threshold}»`, `block_threshold must be a whole number of kopecks, got "${threshold}"`);
  }

  if (options.customerByReference) {
    const given = CUSTOMER_COLUMNS.filter((column) => value(column) !== null);
    for (const column of given) {
      problem(column, 'customer_twice', 'Клиент уже указан в customer_external_id: оставьте его поля пустыми', 'the customer is named by customer_external_id: leave its own fields empty');
    }
    if (problems.length > 0) return { problems };
    return { row: { number: number!, subscriberCode, contractNumber, kind: kind as AccountKind, address, blockThreshold, customer: null } };
  }

  const customer = checkCustomerFields(value, problem);
  if (problems.length > 0 || !customer) return { problems };
  return { row: { number: number!, subscriberCode, contractNumber, kind: kind as AccountKind, address, blockThreshold, customer } };
}

/**
 * A customer's own fields (customer_kind, customer_name, inn, kpp, email), checked with the tax
 * office's rules; problems go to `problem`, the customer comes back when there were none.
 */
export function checkCustomerFields(
  value: (column: string) => string | null,
  problem: (field: string, code: string, ru: string, en: string) => void,
): ServedCustomer | undefined {
  let ok = true;
  const fail = (field: string, code: string, ru: string, en: string) => {
    ok = false;
    problem(field, code, ru, en);
  };
  const customerKind = value('customer_kind');
  if (!CUSTOMER_KINDS.includes(customerKind as CustomerKind)) {
    fail('customer_kind', 'one_of', `Вид клиента — одно из ${CUSTOMER_KINDS.join(', ')}, указано «${customerKind ?? ''}»`, `customer_kind must be one of ${CUSTOMER_KINDS.join(', ')}, got "${customerKind ?? ''}"`);
  }
  const customerName = value('customer_name');
  if (!customerName) fail('customer_name', 'required', 'Не указано наименование клиента', 'customer_name is empty');
  else if (customerName.length > 300) fail('customer_name', 'too_long', 'Наименование клиента длиннее 300 символов', 'customer_name is longer than 300 characters');

  const inn = value('inn');
  const innLength = customerKind === 'legal_entity' ? 10 : 12;
  if (inn === null) {
    if (customerKind === 'legal_entity' || customerKind === 'sole_proprietor') {
      fail('inn', 'required', customerKind === 'legal_entity' ? 'Для юридического лица нужен ИНН' : 'Для индивидуального предпринимателя нужен ИНН', `inn is required for ${customerKind}`);
    }
  } else if (!new RegExp(`^\\d{${innLength}}$`).test(inn)) {
    fail('inn', 'format', `ИНН должен состоять из ${innLength} цифр, указано «${inn}»`, `inn of ${customerKind ?? 'a customer'} must be ${innLength} digits, got "${inn}"`);
  } else if (checkInn(inn) !== undefined) {
    fail('inn', 'checksum', `Неверный ИНН ${inn}: не сходится контрольная цифра`, `inn ${inn} has a wrong check digit`);
  }
  const kpp = value('kpp');
  if (kpp !== null) {
    if (customerKind !== 'legal_entity') fail('kpp', 'not_allowed', 'КПП бывает только у юридического лица', 'kpp is only for legal_entity');
    else if (checkKpp(kpp.toUpperCase()) !== undefined) fail('kpp', 'format', `КПП — 9 символов (NNNNPPNNN), указано «${kpp}»`, `kpp must be 9 characters (NNNNPPNNN), got "${kpp}"`);
  }
  const email = value('email')?.toLowerCase() ?? null;
  if (email !== null && (!EMAIL.test(email) || email.length > 254)) fail('email', 'format', `«${email}» — не адрес электронной почты`, `email "${email}" is not an email address`);
  if (!ok) return undefined;
  return { kind: customerKind as CustomerKind, name: customerName!, inn, kpp: kpp?.toUpperCase() ?? null, email };
}

/** The report as the console prints it. */
export function describeImport(report: ImportReport): string {
  const lines = [`${report.rows} row(s): ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.problems.length} refused.`];
  for (const problem of report.problems) lines.push(`  line ${problem.line}: ${problem.reason}`);
  return lines.join('\n');
}
