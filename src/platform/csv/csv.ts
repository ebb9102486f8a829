import { parse } from 'csv-parse/sync';

/** A file that cannot be read as the table it should be (not CSV, no header, wrong columns): nothing of it was loaded. */
export class CsvFileError extends Error {}

export interface CsvRecord {
  record: string[];
  /** `lines`: the line of the file the record ends on (1 is the header). */
  info: { lines: number };
}

/**
 * The records of a CSV file as spreadsheets save it: UTF-8 with or without a BOM, separated by
 * commas — or by semicolons, as spreadsheets set to Russian save it. Empty lines are skipped; a row
 * with more or fewer fields than the header is the caller's to judge.
 */
export function readCsv(input: string | Buffer, options: { trim?: boolean } = {}): CsvRecord[] {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  try {
    return parse(text, { bom: true, delimiter, trim: options.trim ?? false, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as CsvRecord[];
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new CsvFileError(`the file is not valid CSV${where ? ` (line ${where})` : ''}: ${(error as Error).message}`);
  }
}
