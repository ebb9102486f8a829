import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Json } from './client';
import type { paths } from './schema';

export type MyCustomer = Json<paths['/api/v1/me/customers']['get']['responses'][200]>['items'][number];
export type MemberRole = MyCustomer['role'];
export type Permission = MyCustomer['permissions'][number];
export type CustomerCard = Json<paths['/api/v1/customers/{customerId}']['get']['responses'][200]>;
export type QueueCounts = Json<paths['/api/v1/backoffice/queues']['get']['responses'][200]>;

export const partiesKeys = {
  all: ['parties'] as const,
  mine: () => [...partiesKeys.all, 'mine'] as const,
  roles: () => [...partiesKeys.all, 'roles'] as const,
  customer: (id: string) => [...partiesKeys.all, 'customer', id] as const,
  queues: () => [...partiesKeys.all, 'queues'] as const,
};

/** The customers the signed-in user acts for or waits to act for. */
export function useMyCustomers(enabled = true) {
  return useQuery({
    queryKey: partiesKeys.mine(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/customers', { signal })),
    enabled,
  });
}

/** The role table: what each role inside a customer may do. */
export function useRoles() {
  return useQuery({
    queryKey: partiesKeys.roles(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/roles', { signal })),
    staleTime: Infinity,
  });
}

export function useCustomer(customerId: string | undefined) {
  return useQuery({
    queryKey: partiesKeys.customer(customerId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}', { params: { path: { customerId: customerId! } }, signal })),
    enabled: customerId !== undefined,
  });
}

/** How many items wait in each back-office queue; refreshed every minute while the back office is open. */
export function useQueueCounts(enabled: boolean) {
  return useQuery({
    queryKey: partiesKeys.queues(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/queues', { signal })),
    enabled,
    refetchInterval: 60_000,
  });
}
