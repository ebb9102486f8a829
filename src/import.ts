import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from './config.ts';
import { BATCH_IMPORT_USAGE, BATCH_KINDS, importFileCommand } from './modules/integration/index.ts';
import { importRegistryCsv, REGISTRY_COLUMNS } from './modules/parties/index.ts';
import { CsvFileError } from './platform/csv/csv.ts';
import type { Db } from './platform/db/database.ts';
import { openRuntime } from './server.ts';

export const IMPORT_USAGE = `Usage: kabinet import <what> <file.csv|file.xlsx> [--batch-size N]

Loads reference data from a file.

  registry <file.csv>   the local company registry, used for filling in the company form by INN
                        when no REGISTRY_URL is configured (and while that registry is unreachable).
                        UTF-8 CSV, comma- or semicolon-separated, with a header row:
                          ${REGISTRY_COLUMNS.join(',')}
                        kind is legal_entity or sole_proprietor; kpp is empty for a sole proprietor;
                        ogrn holds the OGRNIP of a sole proprietor; liquidated is true or false.
                        Rows are added or replaced by INN and KPP; loading the same file again
                        changes nothing. Invalid rows are listed with their line and left out.
${BATCH_IMPORT_USAGE}

Exit codes: 0 every row loaded, 1 some rows invalid (the valid ones are loaded) or the file
unusable, 2 wrong usage.
Stop a running 'kabinet start' on the same embedded data directory first.`;

/** One kind of file: loads it, prints its report, answers the exit code. */
type Importer = (db: Db, file: string, options: { batchSize?: number; timeZone: string }) => Promise<number>;

const IMPORTERS: Record<string, Importer> = {
  async registry(db, file) {
    const content = await readFile(file, 'utf8');
    const report = await importRegistryCsv(db, content, new Date());
    for (const row of report.invalid) console.error(`line ${row.line}: ${row.reason}`);
    console.log(
      `Registry: ${report.rows} rows read; ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.invalid.length} invalid.`,
    );
    return report.invalid.length > 0 ? 1 : 0;
  },
  ...Object.fromEntries(BATCH_KINDS.map((kind) => [kind, (db: Db, file: string, options: Parameters<Importer>[2]) => importFileCommand(db, kind, file, options)])),
};

/** `kabinet import <what> <file>`; prints its report on stdout, problems on stderr. */
export async function importCommand(argv: string[]): Promise<number> {
  let positionals: string[];
  let help: boolean | undefined;
  let batchSizeText: string | undefined;
  try {
    ({ positionals, values: { help, 'batch-size': batchSizeText } } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' }, 'batch-size': { type: 'string' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (help) {
    console.log(IMPORT_USAGE);
    return 0;
  }
  const [what = '', file, ...rest] = positionals;
  const importer = Object.hasOwn(IMPORTERS, what) ? IMPORTERS[what] : undefined;
  if (!importer || !file || rest.length > 0) {
    console.error(`${importer ? `kabinet import ${what} takes one file` : `unknown import ${JSON.stringify(what)}`}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const batchSize = batchSizeText === undefined ? undefined : Number(batchSizeText);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)) {
    console.error(`--batch-size takes a whole number from 1 to 10000\n\n${IMPORT_USAGE}`);
    return 2;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }

  const config = loadConfig();
  const { database, jobs } = await openRuntime(config, pino({ level: config.logLevel }, pino.destination(2)));
  try {
    return await importer(database.db, file, { batchSize, timeZone: config.timeZone });
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    console.error(`${file}: ${error.message}. Nothing was loaded.`);
    return 1;
  } finally {
    await jobs.stop(config.shutdownTimeoutMs);
    await database.close();
  }
}
