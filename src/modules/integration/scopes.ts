import type { Localized } from '../../platform/http/errors.ts';

/**
 * The one table of what an API token may be allowed to do. A route of /api/v1/integration names the
 * scope it needs (`requireApiToken(request, 'ledger:write')`); an administrator ticks them per token.
 */
export const API_SCOPES = {
  'customers:read': { ru: 'Читать клиентов', en: 'Read customers' },
  'customers:write': { ru: 'Создавать и изменять клиентов', en: 'Create and change customers' },
  'accounts:read': { ru: 'Читать лицевые счета и балансы', en: 'Read personal accounts and balances' },
  'accounts:write': { ru: 'Создавать и изменять лицевые счета', en: 'Create and change personal accounts' },
  'ledger:write': { ru: 'Проводить платежи и начисления', en: 'Post payments and charges' },
  'usage:write': { ru: 'Загружать потребление', en: 'Upload usage' },
} as const satisfies Record<string, Localized>;

export type ApiScope = keyof typeof API_SCOPES;

export const API_SCOPE_LIST = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(value: string): value is ApiScope {
  return Object.hasOwn(API_SCOPES, value);
}
