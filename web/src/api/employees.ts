import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import { partiesKeys } from './parties';
import type { paths } from './schema';

export type CompanyToJoin = Json<paths['/api/v1/join-requests/company']['get']['responses'][200]>;
export type MyJoinRequest = Json<paths['/api/v1/me/join-requests']['get']['responses'][200]>['items'][number];
export type Member = Json<paths['/api/v1/customers/{customerId}/members']['get']['responses'][200]>['items'][number];
export type CompanyJoinRequest = Json<paths['/api/v1/customers/{customerId}/join-requests']['get']['responses'][200]>['items'][number];
export type AssignableRole = Json<paths['/api/v1/customers/{customerId}/members/{userId}']['patch']['requestBody']>['role'];
export type QueueState = NonNullable<NonNullable<paths['/api/v1/backoffice/join-requests']['get']['parameters']['query']>['state']>;
export type QueuePage = Json<paths['/api/v1/backoffice/join-requests']['get']['responses'][200]>;
export type StaffJoinRequest = QueuePage['items'][number];
export type StaffJoinRequestDetail = Json<paths['/api/v1/backoffice/join-requests/{id}']['get']['responses'][200]>;
export type BulkApproveResult = Json<paths['/api/v1/backoffice/join-requests/approve']['post']['responses'][200]>;
export type Decision = NonNullable<MyJoinRequest['moderatorDecision']>;

export const assignableRoles = ['administrator', 'accountant', 'employee'] as const satisfies readonly AssignableRole[];
export const queueStates = ['moderator', 'company', 'decided'] as const satisfies readonly QueueState[];

const QUEUE_PAGE_SIZE = 50;

export const employeesKeys = {
  all: ['employees'] as const,
  lookup: (inn: string, kpp: string) => [...employeesKeys.all, 'lookup', inn, kpp] as const,
  mine: () => [...employeesKeys.all, 'mine'] as const,
  company: (customerId: string) => [...employeesKeys.all, 'company', customerId] as const,
  members: (customerId: string) => [...employeesKeys.company(customerId), 'members'] as const,
  companyRequests: (customerId: string) => [...employeesKeys.company(customerId), 'requests'] as const,
  queue: () => [...employeesKeys.all, 'queue'] as const,
  queuePage: (state: QueueState, query: string) => [...employeesKeys.queue(), 'list', state, query] as const,
  queueItem: (id: string) => [...employeesKeys.queue(), 'detail', id] as const,
};

// --- the applicant -----------------------------------------------------------------------------

/** «Компания найдена: …»: looked up when the person asks (a submitted INN), not on every keystroke. */
export function useCompanyToJoin(taxId: { inn: string; kpp: string } | null) {
  return useQuery({
    queryKey: employeesKeys.lookup(taxId?.inn ?? '', taxId?.kpp ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/join-requests/company', { signal, params: { query: { inn: taxId!.inn, ...(taxId!.kpp ? { kpp: taxId!.kpp } : {}) } } })),
    enabled: taxId !== null,
    retry: false,
  });
}

export function useMyJoinRequests(enabled = true) {
  return useQuery({
    queryKey: employeesKeys.mine(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/join-requests', { signal })),
    enabled,
  });
}

/** Filing or withdrawing changes the person's requests, their memberships (the header) and the lookup's answer. */
const useInvalidateMine = () => useInvalidate(employeesKeys.mine(), [...employeesKeys.all, 'lookup'], partiesKeys.mine());

export function useRequestToJoin() {
  const invalidate = useInvalidateMine();
  return useMutation({
    mutationFn: (body: { inn: string; kpp?: string }) => unwrap(api.POST('/api/v1/join-requests', { body })),
    onSuccess: invalidate,
  });
}

export function useWithdrawJoinRequest() {
  const invalidate = useInvalidateMine();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/me/join-requests/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

// --- the company -------------------------------------------------------------------------------

export function useMembers(customerId: string | undefined) {
  return useQuery({
    queryKey: employeesKeys.members(customerId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/members', { signal, params: { path: { customerId: customerId! } } })),
    enabled: customerId !== undefined,
  });
}

export function useCompanyJoinRequests(customerId: string | undefined) {
  return useQuery({
    queryKey: employeesKeys.companyRequests(customerId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/join-requests', { signal, params: { path: { customerId: customerId! } } })),
    enabled: customerId !== undefined,
    refetchInterval: 60_000,
  });
}

/** Any change inside a company shows in its members, its requests and (a role, a headship) in the header. */
const useInvalidateCompany = (customerId: string) => useInvalidate(employeesKeys.company(customerId), partiesKeys.mine(), partiesKeys.customer(customerId));

export function useChangeMemberRole(customerId: string) {
  const invalidate = useInvalidateCompany(customerId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: AssignableRole }) =>
      unwrap(api.PATCH('/api/v1/customers/{customerId}/members/{userId}', { params: { path: { customerId, userId } }, body: { role } })),
    onSettled: invalidate,
  });
}

export function useBlockMember(customerId: string) {
  const invalidate = useInvalidateCompany(customerId);
  return useMutation({
    mutationFn: ({ userId, reason }: { userId: string; reason: string }) =>
      unwrap(api.POST('/api/v1/customers/{customerId}/members/{userId}/block', { params: { path: { customerId, userId } }, body: { reason } })),
    onSuccess: invalidate,
  });
}

export function useUnblockMember(customerId: string) {
  const invalidate = useInvalidateCompany(customerId);
  return useMutation({
    mutationFn: (userId: string) => unwrap(api.POST('/api/v1/customers/{customerId}/members/{userId}/unblock', { params: { path: { customerId, userId } } })),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(customerId: string) {
  const invalidate = useInvalidateCompany(customerId);
  return useMutation({
    mutationFn: (userId: string) => unwrap(api.DELETE('/api/v1/customers/{customerId}/members/{userId}', { params: { path: { customerId, userId } } })),
    onSuccess: invalidate,
  });
}

export function useTransferHeadship(customerId: string) {
  const invalidate = useInvalidateCompany(customerId);
  return useMutation({
    mutationFn: (userId: string) => unwrap(api.POST('/api/v1/customers/{customerId}/head-transfer', { params: { path: { customerId } }, body: { userId } })),
    onSuccess: invalidate,
  });
}

export function useApproveCompanyJoinRequest(customerId: string) {
  const invalidate = useInvalidateCompany(customerId);
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/customers/{customerId}/join-requests/{id}/approve', { params: { path: { customerId, id } } })),
    onSuccess: invalidate,
  });
}

export function useRejectCompanyJoinRequest(customerId: string) {
  const invalidate = useInvalidateCompany(customerId);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/v1/customers/{customerId}/join-requests/{id}/reject', { params: { path: { customerId, id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}

// --- the moderator -----------------------------------------------------------------------------

export function useJoinRequestQueue(state: QueueState, query: string) {
  return useInfiniteQuery({
    queryKey: employeesKeys.queuePage(state, query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/backoffice/join-requests', {
          signal,
          params: { query: { state, limit: QUEUE_PAGE_SIZE, ...(query ? { query } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useJoinRequest(id: string | null) {
  return useQuery({
    queryKey: employeesKeys.queueItem(id ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/join-requests/{id}', { signal, params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

/** A decision moves the request between queues and changes the count on the back office's tab. */
const useInvalidateQueue = () => useInvalidate(employeesKeys.queue(), partiesKeys.queues());

export function useApproveJoinRequest() {
  const invalidate = useInvalidateQueue();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/backoffice/join-requests/{id}/approve', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useRejectJoinRequest() {
  const invalidate = useInvalidateQueue();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/v1/backoffice/join-requests/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}

export function useApproveJoinRequests() {
  const invalidate = useInvalidateQueue();
  return useMutation({
    mutationFn: (ids: string[]) => unwrap(api.POST('/api/v1/backoffice/join-requests/approve', { body: { ids } })),
    onSettled: invalidate,
  });
}
