import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { problems } from '../../platform/http/schemas.ts';
import { localeFrom } from '../../platform/i18n/index.ts';
import { attachmentDisposition } from '../../platform/pdf/pdf.ts';
import { requireMembership } from '../parties/index.ts';
import { findAccountEntries } from './history.ts';
import { EntryExportQuery, EntryPage, EntryQuery, FileDownload, StatementExportQuery, StatementQuery, StatementResponse, UsageQuery, UsageResponse } from './history-schemas.ts';
import { AccountParams } from './schemas.ts';
import { exportAccountEntries, exportAccountStatement, type ExportFile } from './statement-export.ts';
import { getAccountStatement } from './statement.ts';
import { getAccountUsage } from './usage-report.ts';

export interface HistoryRouteOptions {
  db: Db;
  /** The provider's time zone: periods are its calendar dates. */
  timeZone: string;
}

const tags = ['accounts'];
const denied = [401, 403, 404] as const;
const base = '/customers/:customerId/accounts/:accountId';

const download = {
  description: 'A CSV or XLSX file',
  content: {
    'text/csv': { schema: FileDownload },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: FileDownload },
  },
};

function send(reply: FastifyReply, file: ExportFile) {
  return reply.type(file.contentType).header('content-disposition', attachmentDisposition(file.fileName)).header('cache-control', 'private, no-store').send(file.body);
}

function exportOptions(request: FastifyRequest, format: 'csv' | 'xlsx') {
  const membership = requireMembership(request, 'view');
  return { format, locale: localeFrom(request.headers['accept-language']), customerName: membership.customer.name };
}

/** The account's history, statements for any period, their files, and usage charts. */
export const historyRoutes: FastifyPluginAsyncTypebox<HistoryRouteOptions> = async (app, { db, timeZone }) => {
  const ctx = { db, timeZone };

  app.get(
    `${base}/entries`,
    {
      schema: {
        operationId: 'listAccountEntries',
        tags,
        summary: "The account's ledger entries, newest first, filtered and cursor-paged",
        params: AccountParams,
        querystring: EntryQuery,
        response: { 200: EntryPage, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const { customerId, accountId } = request.params;
      const { kind, ...query } = request.query;
      return findAccountEntries(ctx, customerId, accountId, { ...query, kinds: kind });
    },
  );

  app.get(
    `${base}/entries/export`,
    {
      schema: {
        operationId: 'exportAccountEntries',
        tags,
        summary: 'The filtered history as a CSV or XLSX file, every entry, oldest first',
        params: AccountParams,
        querystring: EntryExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: download, ...problems(400, ...denied) },
      },
    },
    async (request, reply) => {
      const options = exportOptions(request, request.query.format);
      const { customerId, accountId } = request.params;
      const { kind, format: _format, ...filter } = request.query;
      return send(reply, await exportAccountEntries(ctx, customerId, accountId, { ...filter, kinds: kind }, options));
    },
  );

  app.get(
    `${base}/statement`,
    {
      schema: {
        operationId: 'getAccountStatement',
        tags,
        summary: 'The statement for a period: opening balance, turnovers, charges by type and service, closing balance, entries',
        params: AccountParams,
        querystring: StatementQuery,
        response: { 200: StatementResponse, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const { customerId, accountId } = request.params;
      return getAccountStatement(ctx, customerId, accountId, request.query);
    },
  );

  app.get(
    `${base}/statement/export`,
    {
      schema: {
        operationId: 'exportAccountStatement',
        tags,
        summary: 'The statement for a period as a CSV or XLSX file with all its entries',
        params: AccountParams,
        querystring: StatementExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: download, ...problems(400, ...denied) },
      },
    },
    async (request, reply) => {
      const options = exportOptions(request, request.query.format);
      const { customerId, accountId } = request.params;
      const { from, to } = request.query;
      return send(reply, await exportAccountStatement(ctx, customerId, accountId, { from, to }, options));
    },
  );

  app.get(
    `${base}/usage`,
    {
      schema: {
        operationId: 'getAccountUsage',
        tags,
        summary: 'Usage (traffic, water, …) by day or by month, with totals',
        params: AccountParams,
        querystring: UsageQuery,
        response: { 200: UsageResponse, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const { customerId, accountId } = request.params;
      return getAccountUsage({ ...ctx, now: new Date() }, customerId, accountId, request.query);
    },
  );
};
