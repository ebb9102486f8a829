import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useReauthGuard } from '../app/reauth';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import { partiesKeys } from './parties';
import type { paths } from './schema';

export type RegistryLookup = Json<paths['/api/v1/registry/parties/{inn}']['get']['responses'][200]>;
export type RegistryParty = NonNullable<RegistryLookup['party']>;
export type NewCompany = Json<paths['/api/v1/companies']['post']['requestBody']>;
export type CompanyKind = NewCompany['kind'];
export type CompanyRegistered = Json<paths['/api/v1/companies']['post']['responses'][201]>;
export type JoinRequested = Json<paths['/api/v1/companies']['post']['responses'][202]>;
export type CompanyFilters = NonNullable<paths['/api/v1/backoffice/companies']['get']['parameters']['query']>;
export type CompaniesPage = Json<paths['/api/v1/backoffice/companies']['get']['responses'][200]>;
export type CompanySummary = CompaniesPage['items'][number];
export type CompanyStatus = CompanySummary['status'];
export type RegistryCheck = NonNullable<CompanySummary['registryCheck']>;
export type CompanyDetail = Json<paths['/api/v1/backoffice/companies/{id}']['get']['responses'][200]>;
export type CompanyAuditEvent = CompanyDetail['audit'][number];
export type BulkApproveResult = Json<paths['/api/v1/backoffice/companies/bulk-approve']['post']['responses'][200]>;

export const companyKinds = ['legal_entity', 'sole_proprietor'] as const satisfies readonly CompanyKind[];
export const companyStatuses = ['pending', 'active', 'rejected', 'blocked'] as const satisfies readonly CompanyStatus[];
export const registryChecks = ['confirmed', 'mismatch', 'not_found', 'unavailable'] as const satisfies readonly RegistryCheck[];

/** The INN's length for each kind: the form asks the registry once this many digits are typed. */
export const INN_LENGTH: Record<CompanyKind, number> = { legal_entity: 10, sole_proprietor: 12 };

const QUEUE_PAGE_SIZE = 50;

export const companiesKeys = {
  all: ['companies'] as const,
  lookup: (inn: string) => [...companiesKeys.all, 'lookup', inn] as const,
  moderation: () => [...companiesKeys.all, 'moderation'] as const,
  queue: (filters: Omit<CompanyFilters, 'cursor' | 'limit'>) => [...companiesKeys.moderation(), 'list', filters] as const,
  company: (id: string) => [...companiesKeys.moderation(), 'detail', id] as const,
};

/** What the registry says about a complete INN; `null` asks nothing. */
export function useRegistryLookup(inn: string | null) {
  return useQuery({
    queryKey: companiesKeys.lookup(inn ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/registry/parties/{inn}', { signal, params: { path: { inn: inn! } } })),
    enabled: inn !== null,
    retry: false,
    // The registry changes slowly; typing the same INN again should not cost a request.
    staleTime: 10 * 60_000,
  });
}

/** A new company shows in the header's switch and on «Юр. лицам» at once. */
export function useRegisterCompany() {
  const invalidate = useInvalidate(partiesKeys.all);
  return useMutation({
    mutationFn: (body: NewCompany): Promise<CompanyRegistered | JoinRequested> => unwrap(api.POST('/api/v1/companies', { body })),
    onSuccess: invalidate,
  });
}

// --- back office ---------------------------------------------------------------------------------

export function useCompanyQueue(filters: Omit<CompanyFilters, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: companiesKeys.queue(filters),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/backoffice/companies', {
          signal,
          params: { query: { ...filters, limit: QUEUE_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // A new filter keeps the old rows on screen until the new ones come.
    placeholderData: keepPreviousData,
  });
}

export function useModeratedCompany(id: string) {
  return useQuery({
    queryKey: companiesKeys.company(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/companies/{id}', { signal, params: { path: { id } } })),
  });
}

/** A decision changes the queue, the company's page and the count on the back office's tab. */
const useInvalidateModeration = () => useInvalidate(companiesKeys.moderation(), partiesKeys.queues());

export function useApproveCompany() {
  const invalidate = useInvalidateModeration();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (id: string) => guard(() => unwrap(api.POST('/api/v1/backoffice/companies/{id}/approve', { params: { path: { id } } }))),
    onSuccess: invalidate,
  });
}

export function useApproveCompanies() {
  const invalidate = useInvalidateModeration();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (ids: string[]) => guard(() => unwrap(api.POST('/api/v1/backoffice/companies/bulk-approve', { body: { ids } }))),
    onSuccess: invalidate,
  });
}

type ReasonedAction = 'reject' | 'block';

export function useDecideWithReason(action: ReasonedAction) {
  const invalidate = useInvalidateModeration();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      guard(() =>
        unwrap(
          action === 'reject'
            ? api.POST('/api/v1/backoffice/companies/{id}/reject', { params: { path: { id } }, body: { reason } })
            : api.POST('/api/v1/backoffice/companies/{id}/block', { params: { path: { id } }, body: { reason } }),
        ),
      ),
    onSuccess: invalidate,
  });
}

export function useUnblockCompany() {
  const invalidate = useInvalidateModeration();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (id: string) => guard(() => unwrap(api.POST('/api/v1/backoffice/companies/{id}/unblock', { params: { path: { id } } }))),
    onSuccess: invalidate,
  });
}
