import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DomainFieldError } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { INTEGRATION_EVENT_TYPES, type IntegrationEventType } from './events.ts';
import { IntegrationValidationError, WebhookDeliveryNotFailedError, WebhookDeliveryNotFoundError, WebhookEndpointNotFoundError } from './errors.ts';
import type { DeliveryStatus } from './tables.ts';
import type { IntegrationContext } from './tokens.ts';

/** How long a delivery is retried, from its first try (or from «Отправить заново»). */
export const DELIVERY_WINDOW_MS = 24 * 60 * 60_000;
const SECRET_PREFIX = 'whsec_';

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: IntegrationEventType[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookEndpointInput {
  url: string;
  description?: string;
  eventTypes: string[];
}

export interface WebhookEndpointChange {
  url?: string;
  description?: string;
  eventTypes?: string[];
  active?: boolean;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: IntegrationEventType;
  endpointId: string;
  endpointUrl: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

const ENDPOINT_COLUMNS = ['id', 'url', 'description', 'event_types', 'active', 'created_at', 'updated_at'] as const;

type EndpointRow = { id: string; url: string; description: string; event_types: string[]; active: boolean; created_at: Date; updated_at: Date };

function endpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as IntegrationEventType[],
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkUrl(url: string, errors: DomainFieldError[]): string {
  const trimmed = url.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || trimmed.length > 2048) {
    errors.push({ field: 'url', code: 'invalid_url', message: { ru: 'Укажите адрес, начинающийся с http:// или https://.', en: 'Enter an address starting with http:// or https://.' } });
  }
  return trimmed;
}

function checkEventTypes(eventTypes: string[], errors: DomainFieldError[]): IntegrationEventType[] {
  const known = new Set<string>(INTEGRATION_EVENT_TYPES);
  const unknown = eventTypes.filter((type) => !known.has(type));
  if (unknown.length > 0) {
    errors.push({ field: 'eventTypes', code: 'unknown_event_type', message: { ru: `Неизвестные события: ${unknown.join(', ')}.`, en: `Unknown event types: ${unknown.join(', ')}.` } });
  } else if (eventTypes.length === 0) {
    errors.push({ field: 'eventTypes', code: 'required', message: { ru: 'Выберите хотя бы одно событие.', en: 'Choose at least one event type.' } });
  }
  // Kept in the catalog's order, whatever order they were ticked in.
  return INTEGRATION_EVENT_TYPES.filter((type) => eventTypes.includes(type));
}

function checkDescription(description: string, errors: DomainFieldError[]): string {
  const trimmed = description.trim();
  if (trimmed.length > 200) errors.push({ field: 'description', code: 'length', message: { ru: 'Описание — не длиннее 200 символов.', en: 'The description must be at most 200 characters.' } });
  return trimmed;
}

/** A new endpoint with its signing secret; the secret is in this answer only. */
export async function createWebhookEndpoint(ctx: IntegrationContext, input: WebhookEndpointInput): Promise<WebhookEndpointView & { secret: string }> {
  const errors: DomainFieldError[] = [];
  const url = checkUrl(input.url, errors);
  const description = checkDescription(input.description ?? '', errors);
  const eventTypes = checkEventTypes(input.eventTypes, errors);
  if (errors.length > 0) throw new IntegrationValidationError(errors);
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = uuidv7();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('integration_webhook_endpoint')
      .values({ id, url, description, event_types: eventTypes, secret, active: true, created_by: ctx.actorId, created_at: ctx.now, updated_at: ctx.now })
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.now, { event: 'integration.webhook_created', actorId: ctx.actorId, origin: ctx.origin, details: { endpointId: id, url, eventTypes } });
    return inserted;
  });
  return { ...endpointView(row), secret };
}

export async function listWebhookEndpoints(ctx: Pick<IntegrationContext, 'db'>): Promise<WebhookEndpointView[]> {
  const rows = await ctx.db.selectFrom('integration_webhook_endpoint').select(ENDPOINT_COLUMNS).orderBy('id', 'desc').execute();
  return rows.map(endpointView);
}

/** Changes the address, events or description, or turns the endpoint off and on (`active`). */
export async function updateWebhookEndpoint(ctx: IntegrationContext, endpointId: string, change: WebhookEndpointChange): Promise<WebhookEndpointView> {
  const errors: DomainFieldError[] = [];
  const url = change.url === undefined ? undefined : checkUrl(change.url, errors);
  const description = change.description === undefined ? undefined : checkDescription(change.description, errors);
  const eventTypes = change.eventTypes === undefined ? undefined : checkEventTypes(change.eventTypes, errors);
  if (errors.length > 0) throw new IntegrationValidationError(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('integration_webhook_endpoint')
      .set({
        updated_at: ctx.now,
        ...(url !== undefined ? { url } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(eventTypes !== undefined ? { event_types: eventTypes } : {}),
        ...(change.active !== undefined ? { active: change.active } : {}),
      })
      .where('id', '=', endpointId)
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirst();
    if (!row) throw new WebhookEndpointNotFoundError();
    await recordAudit(trx, ctx.now, { event: 'integration.webhook_updated', actorId: ctx.actorId, origin: ctx.origin, details: { endpointId, ...change } });
    return endpointView(row);
  });
}

/** Removes the endpoint and its delivery history; events keep their rows. */
export async function deleteWebhookEndpoint(ctx: IntegrationContext, endpointId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('integration_webhook_endpoint').where('id', '=', endpointId).returning(['url']).executeTakeFirst();
    if (!row) throw new WebhookEndpointNotFoundError();
    await recordAudit(trx, ctx.now, { event: 'integration.webhook_deleted', actorId: ctx.actorId, origin: ctx.origin, details: { endpointId, url: row.url } });
  });
}

function deliveriesQuery(db: Db) {
  return db
    .selectFrom('integration_webhook_delivery as d')
    .innerJoin('integration_event as e', 'e.id', 'd.event_id')
    .innerJoin('integration_webhook_endpoint as w', 'w.id', 'd.endpoint_id')
    .select([
      'd.id',
      'd.event_id',
      'e.type',
      'd.endpoint_id',
      'w.url',
      'd.status',
      'd.attempts',
      'd.last_status_code',
      'd.last_error',
      'd.last_attempt_at',
      'd.next_attempt_at',
      'd.delivered_at',
      'd.created_at',
    ]);
}

type DeliveryRow = Awaited<ReturnType<ReturnType<typeof deliveriesQuery>['executeTakeFirstOrThrow']>>;

function deliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.type,
    endpointId: row.endpoint_id,
    endpointUrl: row.url,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

export const DELIVERY_PAGE_MAX = 100;

/** Recent deliveries, newest first, cursor-paged by id (UUIDv7 ids sort by time). */
export async function findWebhookDeliveries(
  ctx: Pick<IntegrationContext, 'db'>,
  options: { endpointId?: string; status?: DeliveryStatus; cursor?: string; limit: number },
): Promise<{ items: WebhookDeliveryView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit, 1), DELIVERY_PAGE_MAX);
  const rows = await deliveriesQuery(ctx.db)
    .$if(options.endpointId !== undefined, (qb) => qb.where('d.endpoint_id', '=', options.endpointId!))
    .$if(options.status !== undefined, (qb) => qb.where('d.status', '=', options.status!))
    .$if(options.cursor !== undefined, (qb) => qb.where('d.id', '<', options.cursor!))
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(deliveryView);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * «Отправить заново»: a failed delivery gets a fresh 24-hour window and is tried at once (the job
 * is sent with the change, so it runs within seconds rather than at the next minute's poll).
 */
export async function retryWebhookDelivery(ctx: IntegrationContext, jobs: Jobs, deliveryId: string): Promise<WebhookDeliveryView> {
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('integration_webhook_delivery')
      .set({ status: 'pending', next_attempt_at: ctx.now, deadline_at: new Date(ctx.now.getTime() + DELIVERY_WINDOW_MS), claimed_until: null })
      .where('id', '=', deliveryId)
      .where('status', '=', 'failed')
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const exists = await trx.selectFrom('integration_webhook_delivery').select('id').where('id', '=', deliveryId).executeTakeFirst();
      throw exists ? new WebhookDeliveryNotFailedError() : new WebhookDeliveryNotFoundError();
    }
    await recordAudit(trx, ctx.now, { event: 'integration.webhook_resent', actorId: ctx.actorId, origin: ctx.origin, details: { deliveryId } });
    await jobs.send(trx, 'integration.webhooks', {});
    return deliveryView(await deliveriesQuery(trx).where('d.id', '=', deliveryId).executeTakeFirstOrThrow());
  });
}
