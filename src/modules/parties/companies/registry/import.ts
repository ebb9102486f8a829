import { CsvFileError, readCsv } from '../../../../platform/csv/csv.ts';
import type { Db } from '../../../../platform/db/database.ts';
import { checkInn10, checkInn12, checkKpp, checkOgrn, checkOgrnip, compactTaxId } from '../tax-ids.ts';
import { upsertRegistryEntries, type UpsertOutcome } from './local.ts';
import type { RegistryParty } from './registry.ts';

export const REGISTRY_COLUMNS = ['inn', 'kpp', 'kind', 'name', 'short_name', 'ogrn', 'legal_address', 'head_name', 'head_title', 'liquidated'] as const;
const REQUIRED_COLUMNS = ['inn', 'kind', 'name'] as const;
type Column = (typeof REGISTRY_COLUMNS)[number];

export interface InvalidRow {
  /** The line of the file where the row ends (1 is the header). */
  line: number;
  reason: string;
}

export interface RegistryImportReport extends UpsertOutcome {
  rows: number;
  invalid: InvalidRow[];
}

const TRUE = new Set(['true', '1', 'yes', 'да', 'y']);
const FALSE = new Set(['', 'false', '0', 'no', 'нет', 'n']);
const TEXT_MAX = 1000;

/**
 * Loads a registry CSV (comma- or semicolon-separated, UTF-8, header row with the column names)
 * into the local registry table in one transaction. Valid rows are added or replaced by (INN, KPP);
 * each invalid row is reported with its line and left out.
 */
export async function importRegistryCsv(db: Db, content: string, now: Date): Promise<RegistryImportReport> {
  const { parties, invalid, rows } = parseRegistryCsv(content);
  const outcome = await db.transaction().execute((trx) => upsertRegistryEntries(trx, parties, now));
  return { rows, ...outcome, invalid };
}

export function parseRegistryCsv(content: string): { parties: RegistryParty[]; invalid: InvalidRow[]; rows: number } {
  const records = readCsv(content);
  const [header, ...body] = records;
  if (!header) throw new CsvFileError('the file is empty; the first line must name the columns');
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) throw new CsvFileError(`the header lacks the column(s) ${missing.join(', ')}; expected ${REGISTRY_COLUMNS.join(',')}`);
  const unknown = columns.filter((name) => !(REGISTRY_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new CsvFileError(`unknown column(s) ${unknown.join(', ')}; expected ${REGISTRY_COLUMNS.join(',')}`);

  const parties: RegistryParty[] = [];
  const invalid: InvalidRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const cell = (column: Column) => {
      const index = columns.indexOf(column);
      return index < 0 ? '' : (record[index] ?? '').trim();
    };
    if (record.length > columns.length) {
      invalid.push({ line: info.lines, reason: `${record.length} fields, the header has ${columns.length}` });
      continue;
    }
    const checked = checkRow(cell);
    if (typeof checked === 'string') {
      invalid.push({ line: info.lines, reason: checked });
      continue;
    }
    const key = `${checked.inn}/${checked.kpp ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      invalid.push({ line: info.lines, reason: `INN ${checked.inn}${checked.kpp ? ` KPP ${checked.kpp}` : ''} repeats line ${first}` });
      continue;
    }
    seen.set(key, info.lines);
    parties.push(checked);
  }
  return { parties, invalid, rows: body.length };
}

/** The row as a registry entry, or why it cannot be one. */
function checkRow(cell: (column: Column) => string): RegistryParty | string {
  const kind = cell('kind');
  if (kind !== 'legal_entity' && kind !== 'sole_proprietor') return `kind must be legal_entity or sole_proprietor; got ${JSON.stringify(kind)}`;
  const inn = compactTaxId(cell('inn'));
  const kpp = compactTaxId(cell('kpp'));
  const ogrn = compactTaxId(cell('ogrn'));
  if (kind === 'legal_entity') {
    const innProblem = checkInn10(inn);
    if (innProblem) return innProblem === 'format' ? `inn of a legal entity must be 10 digits; got ${JSON.stringify(inn)}` : `inn ${inn}: wrong check digit`;
    if (!kpp) return 'kpp is required for a legal entity';
    if (checkKpp(kpp)) return `kpp must be 4 digits, 2 digits or capital Latin letters, 3 digits; got ${JSON.stringify(kpp)}`;
    const ogrnProblem = ogrn ? checkOgrn(ogrn) : undefined;
    if (ogrnProblem) return ogrnProblem === 'format' ? `ogrn must be 13 digits; got ${JSON.stringify(ogrn)}` : `ogrn ${ogrn}: wrong check digit`;
  } else {
    const innProblem = checkInn12(inn);
    if (innProblem) return innProblem === 'format' ? `inn of a sole proprietor must be 12 digits; got ${JSON.stringify(inn)}` : `inn ${inn}: wrong check digits`;
    if (kpp) return 'a sole proprietor has no kpp; leave it empty';
    const ogrnProblem = ogrn ? checkOgrnip(ogrn) : undefined;
    if (ogrnProblem) return ogrnProblem === 'format' ? `ogrn of a sole proprietor (OGRNIP) must be 15 digits; got ${JSON.stringify(ogrn)}` : `ogrnip ${ogrn}: wrong check digit`;
  }
  const name = cell('name');
  if (!name) return 'name is required';
  const long = (['name', 'short_name', 'legal_address', 'head_name', 'head_title'] as const).find((column) => cell(column).length > TEXT_MAX);
  if (long) return `${long} is longer than ${TEXT_MAX} characters`;
  const liquidated = cell('liquidated').toLowerCase();
  if (!TRUE.has(liquidated) && !FALSE.has(liquidated)) return `liquidated must be true or false; got ${JSON.stringify(cell('liquidated'))}`;
  const optional = (column: Column) => cell(column) || null;
  return {
    kind,
    inn,
    kpp: kpp || null,
    ogrn: ogrn || null,
    name,
    shortName: optional('short_name'),
    legalAddress: optional('legal_address'),
    headName: optional('head_name'),
    headTitle: optional('head_title'),
    liquidated: TRUE.has(liquidated),
  };
}
