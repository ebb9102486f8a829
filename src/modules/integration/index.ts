export { publishEvent, type IntegrationEvent, type IntegrationEventType } from './events.ts';
export type { IntegrationEventTables as IntegrationTables } from './events.ts';
