import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CsvFileError, readCsv } from '../../../platform/csv/csv.ts';
import type { Db } from '../../../platform/db/database.ts';
import { addReport, emptyReport, MAX_BATCH_ITEMS, runBatch, type BatchContext, type BatchKind, type BatchReport, type RunOptions } from './runner.ts';
import { BATCH_SPECS } from './service.ts';

export type FileFormat = 'csv' | 'xlsx';

/** One row of a table file: its line (1 is the header) and its cells by column. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A CSV or XLSX file as rows; big spreadsheets are read as a stream, never whole. */
export interface TableSource {
  format: FileFormat;
  rows: AsyncIterable<TableRow>;
  /** Rows after the header, when known before reading them (CSV). */
  total: number | undefined;
  /** How much of the file has been read, 0 to 1. */
  fraction(): number;
}

/** What a file is, from its first bytes (never its name): an XLSX is a zip, a CSV is UTF-8 text. */
export function sniffFormat(head: Buffer): FileFormat | undefined {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (head.includes(0)) return undefined;
  // A cut in the middle of a character at the end of the sample is not a fault of the file.
  const sample = head.subarray(0, Math.max(0, head.length - 4));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'csv';
  } catch {
    return undefined;
  }
}

const NOT_A_TABLE = 'the file is neither CSV text (UTF-8) nor an XLSX workbook';

/** A table from bytes in memory (an upload). */
export function tableFromBuffer(bytes: Buffer): TableSource {
  const format = sniffFormat(bytes.subarray(0, 64 * 1024));
  if (!format) throw new CsvFileError(NOT_A_TABLE);
  if (format === 'csv') return csvTable(bytes);
  let read = 0;
  const counter = new PassThrough();
  counter.on('data', (chunk: Buffer) => (read += chunk.length));
  Readable.from([bytes]).pipe(counter);
  return { format, rows: xlsxRows(counter), total: undefined, fraction: () => (bytes.length === 0 ? 1 : read / bytes.length) };
}

/** A table from a file on disk (the CLI): CSV read whole, XLSX streamed. */
export async function tableFromPath(path: string): Promise<TableSource> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, 64 * 1024));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const format = sniffFormat(head);
  if (!format) throw new CsvFileError(NOT_A_TABLE);
  if (format === 'csv') {
    return csvTable(await readFile(path));
  }
  let read = 0;
  const stream = createReadStream(path);
  stream.on('data', (chunk) => (read += chunk.length));
  return { format, rows: xlsxRows(stream), total: undefined, fraction: () => (size === 0 ? 1 : read / size) };
}

function csvTable(bytes: Buffer): TableSource {
  const records = readCsv(bytes);
  let done = 0;
  return {
    format: 'csv',
    total: Math.max(0, records.length - 1),
    fraction: () => (records.length === 0 ? 1 : done / records.length),
    rows: (async function* () {
      for (const { record, info } of records) {
        done++;
        yield { line: info.lines, cells: record };
      }
    })(),
  };
}

/** The first worksheet's rows, as text the way a person reads the cells. */
async function* xlsxRows(stream: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        yield { line: row.number, cells: values.slice(1).map(cellText) };
      }
      return;
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    throw new CsvFileError(`the XLSX workbook cannot be read: ${(error as Error).message}`);
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    // A spreadsheet's date has no zone: exceljs reads its clock as UTC, and so do we — the provider's clock.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error) return cell.error;
  }
  return String(value);
}

export interface FileProgress {
  rows: number;
  total: number | undefined;
  fraction: number;
}

export interface FileImportOptions extends RunOptions {
  /** Rows per transaction; at most 10,000. */
  batchSize?: number;
  onProgress?: (progress: FileProgress) => void;
  /** Invalid rows listed in the report at most (all are counted). */
  maxProblems?: number;
}

export const DEFAULT_FILE_BATCH = 5000;

/** The file turned out unusable part-way (a damaged workbook): the batches before stay loaded. */
export class TableFileError extends CsvFileError {
  readonly loadedRows: number;

  constructor(message: string, loadedRows: number) {
    super(message);
    this.loadedRows = loadedRows;
  }
}

/**
 * Loads a CSV or XLSX file of `kind`: the first row names the columns (the item's fields, any
 * order), then rows go in batches, each ONE transaction, so a run stopped half-way leaves whole
 * batches and running the file again applies only what is missing. Invalid rows are reported with
 * their line. A file that cannot be read as such a table throws {@link CsvFileError}; if that shows
 * only part-way (a damaged workbook), the batches before it stay loaded.
 */
export async function importTable(db: Db, kind: BatchKind, source: TableSource, ctx: BatchContext, options: FileImportOptions = {}): Promise<BatchReport> {
  const spec = BATCH_SPECS[kind];
  const batchSize = Math.min(Math.max(1, options.batchSize ?? DEFAULT_FILE_BATCH), MAX_BATCH_ITEMS);
  const maxProblems = options.maxProblems ?? 10_000;
  const report = emptyReport(kind);
  let columns: string[] | undefined;
  let items: Array<Record<string, string>> = [];
  let lines: number[] = [];

  const flush = async () => {
    if (items.length === 0) return;
    const part = await runBatch(db, spec, items, ctx, { ...options, lines });
    const offset = report.received;
    addReport(report, part, offset);
    if (report.problems.length > maxProblems) report.problems.length = maxProblems;
    items = [];
    lines = [];
    options.onProgress?.({ rows: report.received, total: source.total, fraction: source.fraction() });
  };

  try {
    for await (const row of source.rows) {
      if (!columns) {
        columns = headerColumns(row.cells, spec.fields, spec.requiredColumns);
        continue;
      }
      if (row.cells.every((cell) => cell.trim() === '')) continue;
      const item: Record<string, string> = {};
      columns.forEach((column, position) => {
        if (column) item[column] = row.cells[position] ?? '';
      });
      items.push(item);
      lines.push(row.line);
      if (items.length >= batchSize) await flush();
    }
  } catch (error) {
    if (error instanceof CsvFileError && !(error instanceof TableFileError)) throw new TableFileError(error.message, report.received);
    throw error;
  }
  if (!columns) throw new TableFileError('the file is empty: the first line must name the columns', 0);
  await flush();
  return report;
}

/** The columns of the header row, checked against the kind's fields. */
function headerColumns(cells: string[], fields: readonly string[], required: ReadonlyArray<string | readonly string[]>): string[] {
  const columns = cells.map((cell) => cell.replace(/^\uFEFF/, '').trim().toLowerCase());
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '') continue;
    if (!fields.includes(column)) throw new CsvFileError(`unknown column "${column}" in the first line; the columns are ${fields.join(', ')}`);
    if (seen.has(column)) throw new CsvFileError(`column "${column}" appears twice in the first line`);
    seen.add(column);
  }
  const missing = required.filter((need) => (typeof need === 'string' ? !seen.has(need) : !need.some((column) => seen.has(column))));
  if (missing.length > 0) {
    throw new CsvFileError(`the first line lacks the column(s) ${missing.map((need) => (typeof need === 'string' ? need : need.join(' or '))).join(', ')}`);
  }
  return columns;
}
