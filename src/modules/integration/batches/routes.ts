import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { CsvFileError } from '../../../platform/csv/csv.ts';
import type { Db } from '../../../platform/db/database.ts';
import { problems } from '../../../platform/http/schemas.ts';
import { localeFrom, type Locale } from '../../../platform/i18n/index.ts';
import { originOf, requireStaff, staffOnly, type StaffRole } from '../../identity/index.ts';
import { requireApiToken } from '../auth.ts';
import type { ApiScope } from '../scopes.ts';
import { ImportFileRejectedError, ImportFileUnusableError } from './errors.ts';
import { importTable, tableFromBuffer, TableFileError } from './files.ts';
import { BATCH_KINDS, type BatchKind, type BatchReport } from './runner.ts';
import { BatchBody, BatchReportResponse, ImportKindParams } from './schemas.ts';
import { loadBatch } from './service.ts';

export interface BatchRoutesOptions {
  db: Db;
  timeZone: string;
}

/** The scope an API token needs for each kind of batch. */
export const BATCH_SCOPES: Record<BatchKind, ApiScope> = {
  customers: 'customers:write',
  contracts: 'accounts:write',
  accounts: 'accounts:write',
  charges: 'ledger:write',
  payments: 'ledger:write',
  corrections: 'ledger:write',
  usage: 'usage:write',
};

const SUMMARIES: Record<BatchKind, string> = {
  customers: 'Upserts customers by the billing’s customer id',
  contracts: 'Upserts contracts by number',
  accounts: 'Upserts personal accounts by number (their customers and contracts too)',
  charges: 'Posts charges (one-time or periodic) to the ledger, idempotent by external id',
  payments: 'Posts payments received by the billing to the ledger, idempotent by external id',
  corrections: 'Posts corrections (signed amounts) to the ledger, idempotent by external id',
  usage: 'Records usage per account, metric and day',
};

/** Who may load files in the back office: money matters. */
export const IMPORT_STAFF: readonly StaffRole[] = ['administrator', 'accountant'];

/** 10,000 items of JSON; the application's own body limit is for forms. */
const BATCH_BODY_LIMIT = 32 * 1024 * 1024;
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/** The report in the caller's language. */
export function localizeReport(report: BatchReport, locale: Locale) {
  return { ...report, problems: report.problems.map((problem) => ({ ...problem, errors: problem.errors.map((error) => ({ ...error, message: error.message[locale] })) })) };
}

/**
 * The billing's batches: POST /integration/<kind> with `{items: […]}` under a bearer token, and
 * the back office's upload of the same data as a CSV or XLSX file.
 */
export const batchRoutes: FastifyPluginAsyncTypebox<BatchRoutesOptions> = async (app, { db, timeZone }) => {
  app.addSchema(BatchReportResponse);

  for (const kind of BATCH_KINDS) {
    const scope = BATCH_SCOPES[kind];
    app.post(
      `/integration/${kind}`,
      {
        bodyLimit: BATCH_BODY_LIMIT,
        config: { idempotent: true },
        schema: {
          tags: ['integration'],
          operationId: `integrationLoad${kind[0]!.toUpperCase()}${kind.slice(1)}`,
          summary: SUMMARIES[kind],
          description: `Needs the scope \`${scope}\`. At most 10,000 items, applied in one transaction: valid items are applied, invalid ones reported with their index and reasons; sending the same batch again changes nothing. Honours Idempotency-Key.`,
          security: [{ bearerAuth: [] }],
          body: BatchBody,
          response: { 200: BatchReportResponse, ...problems(400, 401, 403, 409, 413, 422) },
        },
      },
      async (request) => {
        const token = requireApiToken(request, scope);
        const report = await loadBatch(db, kind, request.body.items, { now: new Date(), timeZone, source: 'api' }, { actorId: null, origin: { ip: request.ip, userAgent: `api token ${token.id}` } });
        return localizeReport(report, localeFrom(request.headers['accept-language']));
      },
    );
  }

  await app.register(uploadRoutes, { db, timeZone });
};

/** The back office's upload; only this plugin takes multipart bodies. */
const uploadRoutes: FastifyPluginAsyncTypebox<BatchRoutesOptions> = async (upload, { db, timeZone }) => {
  await upload.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
  upload.post(
    '/backoffice/imports/:kind',
    {
      onRequest: staffOnly(IMPORT_STAFF),
      schema: {
        tags: ['backoffice'],
        operationId: 'uploadImportFile',
        summary: 'Loads a CSV or XLSX file of the kind in batches and answers the report',
        description: 'multipart/form-data with one file field `file` (CSV in UTF-8, comma- or semicolon-separated, or XLSX; at most 50 MB; the format is read from the bytes).',
        consumes: ['multipart/form-data'],
        params: ImportKindParams,
        response: { 200: BatchReportResponse, ...problems(400, 401, 404, 413) },
      },
    },
    async (request) => {
      const { user } = requireStaff(request, IMPORT_STAFF);
      const bytes = await readUpload(request);
      try {
        const report = await importTable(db, request.params.kind, tableFromBuffer(bytes), { now: new Date(), timeZone, source: 'backoffice' }, { actorId: user.id, origin: originOf(request) });
        return localizeReport(report, localeFrom(request.headers['accept-language']));
      } catch (error) {
        if (error instanceof CsvFileError) throw new ImportFileUnusableError(error.message, error instanceof TableFileError ? error.loadedRows : 0);
        throw error;
      }
    },
  );
};

/** The one file of the upload, its size limited while it arrives. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new ImportFileRejectedError('missing');
  let bytes: Buffer | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file' || bytes) throw new ImportFileRejectedError('too_many');
      bytes = await part.toBuffer();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new ImportFileRejectedError('too_large');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new ImportFileRejectedError('too_many');
    throw error;
  }
  if (!bytes || bytes.length === 0) throw new ImportFileRejectedError('missing');
  return bytes;
}
