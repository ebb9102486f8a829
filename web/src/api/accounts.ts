import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Json } from './client';
import type { paths } from './schema';

export type Account = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}']['get']['responses'][200]>;
export type AccountBlock = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}/blocks']['get']['responses'][200]>['items'][number];

export const accountsKeys = {
  all: ['accounts'] as const,
  list: (customerId: string) => [...accountsKeys.all, customerId] as const,
  /** Everything about one account starts with this key, so one invalidation refreshes the page. */
  account: (customerId: string, accountId: string) => [...accountsKeys.all, customerId, accountId] as const,
  blocks: (customerId: string, accountId: string) => [...accountsKeys.account(customerId, accountId), 'blocks'] as const,
};

export function useAccounts(customerId: string | undefined) {
  return useQuery({
    queryKey: accountsKeys.list(customerId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts', { params: { path: { customerId: customerId! } }, signal })),
    enabled: customerId !== undefined,
  });
}

export function useAccount(customerId: string, accountId: string) {
  return useQuery({
    queryKey: [...accountsKeys.account(customerId, accountId), 'summary'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}', { params: { path: { customerId, accountId } }, signal })),
  });
}

export function useAccountBlocks(customerId: string, accountId: string) {
  return useQuery({
    queryKey: accountsKeys.blocks(customerId, accountId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/blocks', { params: { path: { customerId, accountId } }, signal })),
  });
}
