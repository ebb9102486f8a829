import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { problems } from '../../platform/http/schemas.ts';
import { originOf, requireStaff, staffOnly, type StaffRole } from '../identity/index.ts';
import {
  changePlanStatus,
  changeServiceStatus,
  createPlan,
  createService,
  findPlans,
  findServices,
  updatePlan,
  updateService,
  type CatalogContext,
} from './catalog.ts';
import { CodeParams, CreatePlanBody, CreateServiceBody, PlanList, PlanResponse, ServiceList, ServiceResponse, UpdatePlanBody, UpdateServiceBody } from './schemas.ts';

/** Plans and services are the provider's prices: administrators keep them. */
export const TARIFF_ADMINS: readonly StaffRole[] = ['administrator'];

const tags = ['backoffice'];
const denied = [401, 403, 404] as const;

/** The back office's «Тарифы»: plans and add-on services — list, create, edit, archive, restore. */
export const backofficeTariffsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const admins = { onRequest: staffOnly(TARIFF_ADMINS) };
  const context = (request: FastifyRequest): CatalogContext => ({
    db,
    now: new Date(),
    actorId: requireStaff(request, TARIFF_ADMINS).user.id,
    origin: originOf(request),
  });

  app.get(
    '/backoffice/tariffs/plans',
    { ...admins, schema: { tags, operationId: 'listTariffPlans', summary: 'Every tariff plan, archived ones too', response: { 200: PlanList, ...problems(...denied) } } },
    async (request) => {
      requireStaff(request, TARIFF_ADMINS);
      return { items: await findPlans(db) };
    },
  );

  app.post(
    '/backoffice/tariffs/plans',
    {
      ...admins,
      schema: { tags, operationId: 'createTariffPlan', summary: 'Create a tariff plan', body: CreatePlanBody, response: { 201: PlanResponse, ...problems(400, ...denied, 409) } },
    },
    async (request, reply) => reply.status(201).send(await createPlan(context(request), request.body)),
  );

  app.put(
    '/backoffice/tariffs/plans/:code',
    {
      ...admins,
      schema: {
        tags,
        operationId: 'updateTariffPlan',
        summary: 'Edit a plan (its code and kind of account stay); a new price applies from the next periodic charge',
        params: CodeParams,
        body: UpdatePlanBody,
        response: { 200: PlanResponse, ...problems(400, ...denied) },
      },
    },
    async (request) => updatePlan(context(request), request.params.code, request.body),
  );

  app.post(
    '/backoffice/tariffs/plans/:code/archive',
    {
      ...admins,
      schema: {
        tags,
        operationId: 'archiveTariffPlan',
        summary: 'Stop offering a plan; accounts that have it keep it',
        params: CodeParams,
        response: { 200: PlanResponse, ...problems(...denied) },
      },
    },
    async (request) => changePlanStatus(context(request), request.params.code, 'archived'),
  );

  app.post(
    '/backoffice/tariffs/plans/:code/restore',
    { ...admins, schema: { tags, operationId: 'restoreTariffPlan', summary: 'Offer an archived plan again', params: CodeParams, response: { 200: PlanResponse, ...problems(...denied) } } },
    async (request) => changePlanStatus(context(request), request.params.code, 'active'),
  );

  app.get(
    '/backoffice/tariffs/services',
    { ...admins, schema: { tags, operationId: 'listAddonServices', summary: 'Every add-on service, archived ones too', response: { 200: ServiceList, ...problems(...denied) } } },
    async (request) => {
      requireStaff(request, TARIFF_ADMINS);
      return { items: await findServices(db) };
    },
  );

  app.post(
    '/backoffice/tariffs/services',
    {
      ...admins,
      schema: { tags, operationId: 'createAddonService', summary: 'Create an add-on service', body: CreateServiceBody, response: { 201: ServiceResponse, ...problems(400, ...denied, 409) } },
    },
    async (request, reply) => reply.status(201).send(await createService(context(request), request.body)),
  );

  app.put(
    '/backoffice/tariffs/services/:code',
    {
      ...admins,
      schema: {
        tags,
        operationId: 'updateAddonService',
        summary: 'Edit an add-on service (its code and kind of account stay)',
        params: CodeParams,
        body: UpdateServiceBody,
        response: { 200: ServiceResponse, ...problems(400, ...denied) },
      },
    },
    async (request) => updateService(context(request), request.params.code, request.body),
  );

  app.post(
    '/backoffice/tariffs/services/:code/archive',
    {
      ...admins,
      schema: {
        tags,
        operationId: 'archiveAddonService',
        summary: 'Stop offering a service; subscriptions go on',
        params: CodeParams,
        response: { 200: ServiceResponse, ...problems(...denied) },
      },
    },
    async (request) => changeServiceStatus(context(request), request.params.code, 'archived'),
  );

  app.post(
    '/backoffice/tariffs/services/:code/restore',
    { ...admins, schema: { tags, operationId: 'restoreAddonService', summary: 'Offer an archived service again', params: CodeParams, response: { 200: ServiceResponse, ...problems(...denied) } } },
    async (request) => changeServiceStatus(context(request), request.params.code, 'active'),
  );
};
