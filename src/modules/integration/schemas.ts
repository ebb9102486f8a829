import { Type } from 'typebox';
import { DateTime, Id, Nullable } from '../../platform/http/schemas.ts';
import { INTEGRATION_EVENT_TYPES, type IntegrationEventType } from './events.ts';
import { API_SCOPE_LIST, type ApiScope } from './scopes.ts';

export const IdParams = Type.Object({ id: Id });

export const ApiScopeSchema = Type.Unsafe<ApiScope>({ type: 'string', enum: API_SCOPE_LIST });
export const EventTypeSchema = Type.Unsafe<IntegrationEventType>({ type: 'string', enum: [...INTEGRATION_EVENT_TYPES] });

export const IntegrationCatalog = Type.Object({
  scopes: Type.Array(Type.Object({ scope: ApiScopeSchema, title: Type.String() })),
  eventTypes: Type.Array(EventTypeSchema),
});

const ApiTokenFields = {
  id: Id,
  name: Type.String(),
  hint: Type.String({ description: 'kbt_… and the last four characters of the token' }),
  scopes: Type.Array(ApiScopeSchema),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('expired')]),
  createdBy: Nullable(Id),
  createdAt: DateTime,
  expiresAt: Nullable(DateTime),
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
};

export const ApiTokenResponse = Type.Object(ApiTokenFields);

export const ApiTokenList = Type.Object({ items: Type.Array(ApiTokenResponse) });

export const ApiTokenCreated = Type.Object({
  ...ApiTokenFields,
  token: Type.String({ description: 'The token itself; shown in this answer only, never again' }),
});

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    scopes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
    expiresAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  },
  { additionalProperties: false },
);

export const WhoamiResponse = Type.Object({
  tokenId: Id,
  name: Type.String(),
  scopes: Type.Array(ApiScopeSchema),
});

const WebhookEndpointFields = {
  id: Id,
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(EventTypeSchema),
  active: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const WebhookEndpointResponse = Type.Object(WebhookEndpointFields);

export const WebhookEndpointList = Type.Object({ items: Type.Array(WebhookEndpointResponse) });

export const WebhookEndpointCreated = Type.Object({
  ...WebhookEndpointFields,
  secret: Type.String({ description: 'The signing secret (whsec_…); shown in this answer only, never again' }),
});

export const CreateWebhookEndpointBody = Type.Object(
  {
    url: Type.String({ maxLength: 4096 }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    eventTypes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const UpdateWebhookEndpointBody = Type.Object(
  {
    url: Type.Optional(Type.String({ maxLength: 4096 })),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    eventTypes: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const DeliveryStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]);

export const WebhookDeliveryResponse = Type.Object({
  id: Id,
  eventId: Id,
  eventType: EventTypeSchema,
  endpointId: Id,
  endpointUrl: Type.String(),
  status: DeliveryStatusSchema,
  attempts: Type.Integer(),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  lastAttemptAt: Nullable(DateTime),
  nextAttemptAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
  createdAt: DateTime,
});

export const WebhookDeliveriesQuery = Type.Object({
  endpointId: Type.Optional(Id),
  status: Type.Optional(DeliveryStatusSchema),
  cursor: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const WebhookDeliveriesPage = Type.Object({ items: Type.Array(WebhookDeliveryResponse), nextCursor: Nullable(Id) });
