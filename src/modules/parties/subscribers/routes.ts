import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../../platform/db/database.ts';
import { problems } from '../../../platform/http/schemas.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { attachmentDisposition } from '../../../platform/pdf/pdf.ts';
import { originOf, requireStaff, requireUser, staffOnly } from '../../identity/index.ts';
import { requireMembership } from '../access.ts';
import { findActivations, getActivation, getScan, receivePapers, receivePapersInBulk, rejectActivation, type Scan } from './activations.ts';
import type { SubscribersContext } from './context.ts';
import { ScanRejectedError } from './errors.ts';
import { getMyActivation } from './my-activation.ts';
import { renderPaper, type Paper } from './papers.ts';
import { checkSubscriberCode, completeSubscriberRegistration, confirmSubscriberCode } from './registration.ts';
import {
  ActivationDetail,
  ActivationParams,
  BulkBody,
  BulkResponse,
  CheckBody,
  CheckResponse,
  CompleteBody,
  ConfirmBody,
  ConfirmResponse,
  CustomerPaperParams,
  MyActivationResponse,
  PdfFile,
  QueuePage,
  QueueQuery,
  RegistrationResponse,
  RejectBody,
} from './schemas.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { MODERATORS } from '../moderators.ts';

export interface SubscribersRouteOptions {
  db: Db;
  jobs: Jobs;
  timeZone: string;
  publicUrl: URL;
}

const SCAN_MAX_BYTES = 10 * 1024 * 1024;
const SCAN_TYPES = new Set<Scan['type']>(['application/pdf', 'image/jpeg', 'image/png']);
const tags = ['subscribers'];
const moderators = { onRequest: staffOnly(MODERATORS) };
const denied = [401, 403, 404] as const;

/**
 * Registration by subscriber code (public: check → confirm; signed in: complete), the two papers the
 * new head prints while waiting, and the staff's activation queue.
 */
export const subscribersRoutes: FastifyPluginAsyncTypebox<SubscribersRouteOptions> = async (app, deps) => {
  // Only this plugin takes multipart bodies: the scan of the signed papers.
  await app.register(multipart, { limits: { fileSize: SCAN_MAX_BYTES, files: 1, fields: 5, parts: 6 } });

  const context = (request: FastifyRequest): SubscribersContext => ({
    db: deps.db,
    jobs: deps.jobs,
    now: new Date(),
    origin: originOf(request),
    publicUrl: deps.publicUrl,
    timeZone: deps.timeZone,
  });

  app.post(
    '/subscriber-registrations/check',
    { schema: { tags, operationId: 'checkSubscriberCode', body: CheckBody, response: { 200: CheckResponse, ...problems(400, 404, 409, 429) } } },
    async (request) => checkSubscriberCode(context(request), request.body.subscriberCode),
  );

  app.post(
    '/subscriber-registrations/confirm',
    { schema: { tags, operationId: 'confirmSubscriberCode', body: ConfirmBody, response: { 200: ConfirmResponse, ...problems(400, 404, 409, 429) } } },
    async (request) => {
      const { subscriberCode, contractNumber, inn } = request.body;
      if ((contractNumber === undefined) === (inn === undefined)) {
        throw new AppError('validation_failed', 400, {
          errors: [
            {
              field: contractNumber === undefined ? 'contractNumber' : 'inn',
              code: 'one_detail',
              message: { ru: 'Укажите номер договора или ИНН — что-то одно.', en: 'Give the contract number or the INN — one of them.' },
            },
          ],
        });
      }
      const caller = request.auth?.session.state === 'active' ? request.auth.user : null;
      return confirmSubscriberCode(context(request), { subscriberCode, contractNumber, inn }, caller);
    },
  );

  app.post(
    '/subscriber-registrations/complete',
    { schema: { tags, operationId: 'completeSubscriberRegistration', body: CompleteBody, response: { 200: RegistrationResponse, ...problems(400, 401, 403, 404, 409, 410) } } },
    async (request) => {
      const { user } = requireUser(request);
      return completeSubscriberRegistration(context(request), user, request.body.claimToken);
    },
  );

  app.get(
    '/customers/:customerId/activation',
    {
      config: { allowPendingStep: 'activation' },
      schema: { tags, operationId: 'getMyActivation', params: CustomerPaperParams, response: { 200: MyActivationResponse, ...problems(401, 403, 404) } },
    },
    async (request) => {
      const membership = requireMembership(request, 'view');
      return getMyActivation(context(request), membership.customerId, membership.userId);
    },
  );

  for (const paper of ['settlement-agreement', 'access-request'] as const satisfies readonly Paper[]) {
    app.get(
      `/customers/:customerId/papers/${paper}.pdf`,
      {
        config: { allowPendingStep: 'activation' },
        schema: {
          tags,
          operationId: paper === 'settlement-agreement' ? 'getSettlementAgreement' : 'getAccessRequest',
          params: CustomerPaperParams,
          produces: ['application/pdf'],
          response: { 200: { description: 'A PDF document', content: { 'application/pdf': { schema: PdfFile } } }, ...problems(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const membership = requireMembership(request, 'view');
        const { user } = requireUser(request);
        const { pdf, fileName } = await renderPaper(context(request), membership, user, paper);
        return reply.type('application/pdf').header('content-disposition', attachmentDisposition(fileName)).header('cache-control', 'private, no-store').send(pdf);
      },
    );
  }

  app.get(
    '/backoffice/activations',
    { ...moderators, schema: { tags: ['backoffice'], operationId: 'findActivations', querystring: QueueQuery, response: { 200: QueuePage, ...problems(400, ...denied) } } },
    async (request) => {
      requireStaff(request, MODERATORS);
      const { status, query, cursor, limit } = request.query;
      return findActivations(context(request), { status: status ?? 'awaiting_papers', query, cursor, limit: limit ?? 20 });
    },
  );

  app.post(
    '/backoffice/activations/papers-received',
    { ...moderators, schema: { tags: ['backoffice'], operationId: 'receivePapersInBulk', body: BulkBody, response: { 200: BulkResponse, ...problems(400, ...denied) } } },
    async (request) => {
      const { user } = requireStaff(request, MODERATORS);
      return receivePapersInBulk(context(request), user.id, request.body.items);
    },
  );

  app.get(
    '/backoffice/activations/:subscriberId/:id',
    { ...moderators, schema: { tags: ['backoffice'], operationId: 'getActivation', params: ActivationParams, response: { 200: ActivationDetail, ...problems(...denied) } } },
    async (request) => {
      requireStaff(request, MODERATORS);
      return getActivation(context(request), request.params.subscriberId, request.params.id);
    },
  );

  app.get(
    '/backoffice/activations/:subscriberId/:id/scan',
    {
      ...moderators,
      schema: {
        tags: ['backoffice'],
        operationId: 'getActivationScan',
        params: ActivationParams,
        response: { 200: { description: 'The scan as uploaded: PDF, JPEG or PNG', content: { 'application/octet-stream': { schema: PdfFile } } }, ...problems(...denied) },
      },
    },
    async (request, reply) => {
      requireStaff(request, MODERATORS);
      const scan = await getScan(context(request), request.params.subscriberId, request.params.id);
      return reply.type(scan.type).header('content-disposition', attachmentDisposition(scan.name)).header('cache-control', 'private, no-store').send(scan.bytes);
    },
  );

  app.post(
    '/backoffice/activations/:subscriberId/:id/papers-received',
    {
      ...moderators,
      schema: {
        tags: ['backoffice'],
        operationId: 'receivePapers',
        description: 'Marks the signed papers received and activates the cabinet. Optionally multipart/form-data with one file field `scan` (PDF, JPEG or PNG, at most 10 MB; the type is read from the bytes).',
        consumes: ['application/json', 'multipart/form-data'],
        params: ActivationParams,
        response: { 200: ActivationDetail, ...problems(400, ...denied, 409, 413) },
      },
    },
    async (request) => {
      const { user } = requireStaff(request, MODERATORS);
      const scan = await readScanPart(request);
      const ctx = context(request);
      await receivePapers(ctx, user.id, request.params.subscriberId, request.params.id, scan);
      return getActivation(ctx, request.params.subscriberId, request.params.id);
    },
  );

  app.post(
    '/backoffice/activations/:subscriberId/:id/reject',
    { ...moderators, schema: { tags: ['backoffice'], operationId: 'rejectActivation', params: ActivationParams, body: RejectBody, response: { 200: ActivationDetail, ...problems(400, ...denied, 409) } } },
    async (request) => {
      const { user } = requireStaff(request, MODERATORS);
      const ctx = context(request);
      await rejectActivation(ctx, user.id, request.params.subscriberId, request.params.id, request.body.reason);
      return getActivation(ctx, request.params.subscriberId, request.params.id);
    },
  );
};

/** The optional scan of a multipart request, its type sniffed from the bytes (never the name or the declared type). */
async function readScanPart(request: FastifyRequest): Promise<Scan | undefined> {
  if (!request.isMultipart()) return undefined;
  let scan: Scan | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'scan' || scan) throw new ScanRejectedError('too_many');
      if (bytes.length === 0) throw new ScanRejectedError('empty');
      const sniffed = await fileTypeFromBuffer(bytes);
      if (!sniffed || !SCAN_TYPES.has(sniffed.mime as Scan['type'])) throw new ScanRejectedError('wrong_type');
      scan = { bytes, type: sniffed.mime as Scan['type'], name: scanName(part.filename, sniffed.ext) };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new ScanRejectedError('too_large');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw new ScanRejectedError('too_many');
    throw error;
  }
  return scan;
}

/** The uploaded file's own name, stripped of any path and control characters, with the sniffed extension. */
function scanName(fileName: string | undefined, ext: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (fileName ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 150) || 'scan';
  return `${stem}.${ext}`;
}
