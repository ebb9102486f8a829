export { publishEvent, INTEGRATION_EVENT_TYPES, type IntegrationEvent, type IntegrationEventType } from './events.ts';
export type { IntegrationTables } from './tables.ts';
export { API_SCOPES, API_SCOPE_LIST, type ApiScope } from './scopes.ts';
export { integrationAuth, requireApiToken } from './auth.ts';
export { createApiToken, revokeApiToken, listApiTokens, type ApiToken, type ApiTokenView, type IntegrationContext, type NewApiToken } from './tokens.ts';
export { integrationRoutes } from './api-routes.ts';
export { integrationAdminRoutes } from './routes.ts';
export { createWebhookEndpoint, deleteWebhookEndpoint, findWebhookDeliveries, listWebhookEndpoints, retryWebhookDelivery, updateWebhookEndpoint, type WebhookEndpointView } from './webhooks.ts';
export { dispatchEvents, deliverDue, handleWebhooks, runWebhooks, signWebhook, type WebhookJobOptions } from './delivery-job.ts';
