import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useReauthGuard } from '../app/reauth';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import type { paths } from './schema';

export type StaffMember = Json<paths['/api/v1/backoffice/staff']['get']['responses'][200]>['items'][number];
export type StaffRole = StaffMember['role'];
export type NewStaffMember = Json<paths['/api/v1/backoffice/staff']['post']['requestBody']>;
export type StaffCreated = Json<paths['/api/v1/backoffice/staff']['post']['responses'][201]>;
export type CustomerSummary = Json<paths['/api/v1/backoffice/users']['get']['responses'][200]>['items'][number];
export type CustomerDetail = Json<paths['/api/v1/backoffice/users/{id}']['get']['responses'][200]>;
export type CustomerSession = CustomerDetail['sessions'][number];
export type CustomerAuditEvent = CustomerDetail['audit'][number];
export type OutboxMessage = Json<paths['/api/v1/backoffice/outbox']['get']['responses'][200]>['items'][number];

export const staffRoles = ['administrator', 'moderator', 'operator', 'accountant'] as const satisfies readonly StaffRole[];

const CUSTOMERS_PAGE_SIZE = 20;

export const backofficeKeys = {
  all: ['backoffice'] as const,
  staff: () => [...backofficeKeys.all, 'staff'] as const,
  customers: () => [...backofficeKeys.all, 'customers'] as const,
  customerSearch: (query: string) => [...backofficeKeys.customers(), 'search', query] as const,
  customer: (id: string) => [...backofficeKeys.customers(), 'detail', id] as const,
  outbox: (limit: number) => [...backofficeKeys.all, 'outbox', limit] as const,
};

export function useStaff() {
  return useQuery({
    queryKey: backofficeKeys.staff(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/staff', { signal })),
  });
}

const useInvalidateStaff = () => useInvalidate(backofficeKeys.staff());

export function useInviteStaff() {
  const invalidate = useInvalidateStaff();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (body: NewStaffMember) => guard(() => unwrap(api.POST('/api/v1/backoffice/staff', { body }))),
    onSuccess: invalidate,
  });
}

export function useChangeStaffRole() {
  const invalidate = useInvalidateStaff();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: StaffRole }) =>
      guard(() => unwrap(api.PATCH('/api/v1/backoffice/staff/{id}', { params: { path: { id } }, body: { role } }))),
    onSuccess: invalidate,
  });
}

export function useBlockStaff() {
  const invalidate = useInvalidateStaff();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      guard(() => unwrap(api.POST('/api/v1/backoffice/staff/{id}/block', { params: { path: { id } }, body: { reason } }))),
    onSuccess: invalidate,
  });
}

export function useUnblockStaff() {
  const invalidate = useInvalidateStaff();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (id: string) =>
      guard(() => unwrap(api.POST('/api/v1/backoffice/staff/{id}/unblock', { params: { path: { id } } }))),
    onSuccess: invalidate,
  });
}

/** Customers whose email, phone or name contains `query`, newest first; every customer when it is empty. */
export function useCustomerSearch(query: string) {
  return useInfiniteQuery({
    queryKey: backofficeKeys.customerSearch(query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/backoffice/users', {
          signal,
          params: {
            query: { limit: CUSTOMERS_PAGE_SIZE, ...(query ? { query } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: backofficeKeys.customer(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/users/{id}', { signal, params: { path: { id } } })),
  });
}

/** A changed status shows in the search results and on the customer's page (with the new audit event). */
const useInvalidateCustomers = () => useInvalidate(backofficeKeys.customers());

export function useBlockCustomer() {
  const invalidate = useInvalidateCustomers();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      guard(() => unwrap(api.POST('/api/v1/backoffice/users/{id}/block', { params: { path: { id } }, body: { reason } }))),
    onSuccess: invalidate,
  });
}

export function useUnblockCustomer() {
  const invalidate = useInvalidateCustomers();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (id: string) =>
      guard(() => unwrap(api.POST('/api/v1/backoffice/users/{id}/unblock', { params: { path: { id } } }))),
    onSuccess: invalidate,
  });
}

export function useResetCustomerTwoFactor() {
  const invalidate = useInvalidateCustomers();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      guard(() => unwrap(api.POST('/api/v1/backoffice/users/{id}/reset-two-factor', { params: { path: { id } }, body: { reason } }))),
    onSuccess: invalidate,
  });
}

export function useOutbox(limit: number) {
  return useQuery({
    queryKey: backofficeKeys.outbox(limit),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/outbox', { signal, params: { query: { limit } } })),
    // «Show more» asks for a longer list: the shorter one stays on screen meanwhile.
    placeholderData: keepPreviousData,
  });
}
