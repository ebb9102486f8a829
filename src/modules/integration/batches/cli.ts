import { CsvFileError } from '../../../platform/csv/csv.ts';
import type { Db } from '../../../platform/db/database.ts';
import { importTable, tableFromPath, TableFileError, type FileProgress } from './files.ts';
import type { BatchKind, BatchReport } from './runner.ts';

const TITLES: Record<BatchKind, string> = {
  customers: 'Customers',
  contracts: 'Contracts',
  accounts: 'Accounts',
  charges: 'Charges',
  payments: 'Payments',
  corrections: 'Corrections',
  usage: 'Usage',
};

const count = (value: number) => value.toLocaleString('en-US');

const COLUMNS_HELP: Record<BatchKind, string> = {
  customers: 'external_id*, customer_kind*, customer_name*, inn, kpp, email',
  contracts: 'number*, customer_external_id | customer_kind, customer_name, inn, kpp, email; signed_on, status',
  accounts: 'number*, kind*, customer_external_id | customer_kind, customer_name, inn, kpp, email; subscriber_code, contract_number, address, block_threshold',
  charges: 'external_id*, account_number*, amount*, charge_type* (one_time|periodic), service_code, period, description, occurred_at*',
  payments: 'external_id*, account_number*, amount*, description, occurred_at*',
  corrections: 'external_id*, account_number*, amount* (signed), description, occurred_at*',
  usage: 'account_number*, day*, metric* (traffic_mb|water_m3|electricity_kwh|operations), quantity*',
};

/** Progress on stderr: a bar redrawn in place on a terminal, a plain line per batch otherwise (logs, CI). */
export function progressPrinter(stream: NodeJS.WriteStream): { update(progress: FileProgress): void; done(): void } {
  const tty = stream.isTTY === true;
  let drawn = false;
  return {
    update({ rows, total, fraction }) {
      const share = total ? (total === 0 ? 1 : rows / total) : fraction;
      const text = total !== undefined ? `${count(rows)} / ${count(total)} rows` : `${count(rows)} rows (${Math.floor(share * 100)} %)`;
      if (!tty) {
        stream.write(`${text}\n`);
        return;
      }
      const width = 30;
      const filled = Math.round(Math.min(1, share) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)} % ${text}\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

/** The report as the console prints it: invalid rows with their line on stderr, the counts on stdout. */
export function printReport(report: BatchReport): void {
  for (const problem of report.problems) {
    console.error(`line ${problem.line ?? problem.index}: ${problem.errors.map((error) => error.message.en).join('; ')}`);
  }
  if (report.problems.length < report.invalid) console.error(`… and ${count(report.invalid - report.problems.length)} more invalid rows`);
  console.log(
    `${TITLES[report.kind]}: ${report.received} rows read; ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.invalid} invalid.`,
  );
}

/**
 * `kabinet import <kind> <file>` for the batch kinds: CSV or XLSX (told by the bytes), loaded in
 * batches of `batchSize` rows, each one transaction. Exit code 0: every row loaded; 1: some rows
 * invalid, or the file unusable.
 */
export async function importFileCommand(db: Db, kind: BatchKind, file: string, options: { batchSize?: number; timeZone: string }): Promise<number> {
  const progress = progressPrinter(process.stderr);
  try {
    const source = await tableFromPath(file);
    const report = await importTable(
      db,
      kind,
      source,
      { now: new Date(), timeZone: options.timeZone, source: 'cli' },
      {
        batchSize: options.batchSize,
        origin: { ip: null, userAgent: `kabinet import ${kind}` },
        onProgress: (state) => progress.update(state),
      },
    );
    progress.done();
    printReport(report);
    return report.invalid > 0 ? 1 : 0;
  } catch (error) {
    progress.done();
    if (error instanceof CsvFileError) {
      const loaded = error instanceof TableFileError ? error.loadedRows : 0;
      console.error(`${file}: ${error.message}. ${loaded > 0 ? `The first ${count(loaded)} rows were loaded; loading the file again applies only the rest.` : 'Nothing was loaded.'}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EISDIR') {
      console.error(`Cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

/** The batch kinds' part of `kabinet import --help`. */
export const BATCH_IMPORT_USAGE = `  <kind> <file>         the provider's billing data, CSV (UTF-8, comma- or semicolon-separated) or
                        XLSX (its first sheet), told apart by the bytes; the first row names the
                        columns, in any order. Rows go in batches of --batch-size (default 5000),
                        each one transaction; a progress bar shows on a terminal. Loading the same
                        file again changes nothing (entries are idempotent by external_id, the rest
                        is upserted); invalid rows are listed with their line and left out.
                        Kinds and their columns (* required):
${Object.entries(COLUMNS_HELP)
  .map(([kind, columns]) => `    ${kind.padEnd(12)}${columns}`)
  .join('\n')}
                        amount is kopecks (a charge's and a payment's positive, a correction's signed);
                        occurred_at is ISO 8601 (2026-11-01T10:00:00+03:00; without an offset, the
                        provider's time zone); period is YYYY-MM-01; day is YYYY-MM-DD.
                        Accounts name their customer by customer_external_id (a customer loaded
                        before) or by its own columns customer_kind, customer_name, inn, kpp, email.`;
