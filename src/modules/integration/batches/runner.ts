import { sql } from 'kysely';
import { recordAudit, type RequestOrigin } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { FieldProblem } from '../../accounts/index.ts';
import type { Item } from './fields.ts';

export const BATCH_KINDS = ['customers', 'contracts', 'accounts', 'charges', 'payments', 'corrections', 'usage'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/** The most items one request (or one transaction of a file) may carry. */
export const MAX_BATCH_ITEMS = 10_000;

export function isBatchKind(value: string): value is BatchKind {
  return (BATCH_KINDS as readonly string[]).includes(value);
}

export interface BatchContext {
  now: Date;
  /** The provider's time zone: a date or a time without an offset is read on its clock. */
  timeZone: string;
  /** Who sent it, kept on ledger entries and in the audit log: `api`, `cli`, `backoffice`. */
  source: string;
}

/** What became of one valid item; the errors of an item the database refused (a conflicting replay…). */
export type ItemOutcome = 'added' | 'updated' | 'unchanged' | { errors: FieldProblem[] };

export interface Checked<T> {
  index: number;
  value: T;
}

/** One kind of item: its fields, its checks (no database) and how a batch of checked items is applied. */
export interface BatchSpec<T> {
  kind: BatchKind;
  /** The item's fields, which are also the columns of its files. */
  fields: readonly string[];
  /** The columns a file must have; an inner list means one of them. */
  requiredColumns: ReadonlyArray<string | readonly string[]>;
  /** The fields that identify the item; two items of a batch with the same key must say the same. */
  keyFields: readonly string[];
  check(item: Item, ctx: BatchContext): { value: T } | { errors: FieldProblem[] };
  /** Inside the batch's transaction; one outcome per item, in order. */
  apply(trx: Db, items: ReadonlyArray<Checked<T>>, ctx: BatchContext): Promise<ItemOutcome[]>;
}

export interface BatchProblem {
  /** The item's place in the request, from 0. */
  index: number;
  /** The line of the file (1 is the header), for files. */
  line?: number;
  errors: FieldProblem[];
}

export interface BatchReport {
  kind: BatchKind;
  received: number;
  /** New: customers, contracts and accounts created; entries posted; days of usage recorded. */
  added: number;
  updated: number;
  /** Already there with the same content: a replay. */
  unchanged: number;
  invalid: number;
  problems: BatchProblem[];
}

export interface RunOptions {
  /** The file lines of the items, for the report. */
  lines?: readonly number[];
  actorId?: string | null;
  origin?: RequestOrigin;
}

/** Unique violations, serialization failures and deadlocks: another writer got there first; running the batch again settles it. */
const RETRYABLE = new Set(['23505', '40001', '40P01']);
const ATTEMPTS = 3;

export function emptyReport(kind: BatchKind): BatchReport {
  return { kind, received: 0, added: 0, updated: 0, unchanged: 0, invalid: 0, problems: [] };
}

/**
 * Checks every item, then applies the valid ones in ONE transaction (with the audit entry): a batch
 * is wholly in or wholly out whatever happens to the process. Invalid items — by their fields, or
 * refused by the database (a conflicting replay, an unknown account) — are reported with their
 * index and reasons and change nothing; a replayed item is counted unchanged.
 */
export async function runBatch<T>(db: Db, spec: BatchSpec<T>, items: readonly unknown[], ctx: BatchContext, options: RunOptions = {}): Promise<BatchReport> {
  if (items.length > MAX_BATCH_ITEMS) throw new Error(`a batch holds at most ${MAX_BATCH_ITEMS} items`);
  const report = emptyReport(spec.kind);
  report.received = items.length;
  const problems = new Map<number, FieldProblem[]>();
  const valid: Array<Checked<T>> = [];
  const seen = new Map<string, { index: number; content: string }>();
  const repeats = new Map<number, number>();

  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.set(index, [{ field: '', code: 'type', message: { ru: 'Элемент должен быть объектом', en: 'the item must be an object' } }]);
      return;
    }
    const unknown = Object.keys(item).filter((field) => !spec.fields.includes(field));
    const checked = spec.check(item as Item, ctx);
    const errors = [
      ...unknown.map((field) => ({ field, code: 'unknown_field', message: { ru: `Неизвестное поле ${field}`, en: `unknown field ${field}` } })),
      ...('errors' in checked ? checked.errors : []),
    ];
    if (errors.length > 0 || 'errors' in checked) {
      problems.set(index, errors);
      return;
    }
    const key = spec.keyFields.map((field) => String((item as Item)[field] ?? '').trim()).join('\u0000');
    const content = JSON.stringify(checked.value);
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.content === content) {
        // Said twice: applied once; it shares the first one's fate.
        repeats.set(index, earlier.index);
        return;
      }
      const where = options.lines ? { ru: `в строке ${options.lines[earlier.index]}`, en: `on line ${options.lines[earlier.index]}` } : { ru: `в элементе ${earlier.index}`, en: `at item ${earlier.index}` };
      problems.set(index, [
        {
          field: spec.keyFields[0]!,
          code: 'duplicate',
          message: { ru: `Этот же ключ уже встречается ${where.ru} с другими данными`, en: `the same key already appears ${where.en} with other data` },
        },
      ]);
      return;
    }
    seen.set(key, { index, content });
    valid.push({ index, value: checked.value });
  });

  const outcomes = await inTransaction(db, async (trx) => {
    const applied = valid.length > 0 ? await spec.apply(trx, valid, ctx) : [];
    const counts = { added: 0, updated: 0, unchanged: repeats.size, invalid: problems.size };
    for (const outcome of applied) {
      if (typeof outcome === 'string') counts[outcome]++;
      else counts.invalid++;
    }
    await recordAudit(trx, ctx.now, {
      event: 'integration.batch_loaded',
      actorId: options.actorId ?? null,
      origin: options.origin ?? { ip: null, userAgent: ctx.source },
      details: { kind: spec.kind, source: ctx.source, received: items.length, ...counts },
    });
    return applied;
  });

  outcomes.forEach((outcome, position) => {
    if (typeof outcome === 'string') report[outcome]++;
    else problems.set(valid[position]!.index, outcome.errors);
  });
  for (const [index, earlier] of repeats) {
    const refused = problems.get(earlier);
    if (refused) problems.set(index, refused);
    else report.unchanged++;
  }
  report.invalid = problems.size;
  report.problems = [...problems.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, errors]) => ({ index, ...(options.lines ? { line: options.lines[index] } : {}), errors }));
  return report;
}

async function inTransaction<R>(db: Db, work: (trx: Db) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
}

/**
 * Applies items one by one, each under a savepoint: an item that turns out invalid halfway (a
 * customer created, then its contract found to be another's) leaves nothing behind.
 */
export async function eachUnderSavepoint<T>(trx: Db, items: ReadonlyArray<Checked<T>>, apply: (item: Checked<T>) => Promise<ItemOutcome>): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    await sql`savepoint batch_item`.execute(trx);
    const outcome = await apply(item);
    await (typeof outcome === 'string' ? sql`release savepoint batch_item` : sql`rollback to savepoint batch_item`).execute(trx);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Merges the report of one batch of a file into the file's. */
export function addReport(total: BatchReport, part: BatchReport, indexOffset: number): void {
  total.received += part.received;
  total.added += part.added;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.invalid += part.invalid;
  for (const problem of part.problems) total.problems.push({ ...problem, index: problem.index + indexOffset });
}
