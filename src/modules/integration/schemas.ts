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
