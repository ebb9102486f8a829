import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import { partiesKeys } from './parties';
import type { paths } from './schema';

export type FamilyProfile = Json<paths['/api/v1/family-profiles']['get']['responses'][200]>['items'][number];
export type Relation = NonNullable<FamilyProfile['relation']>;
export type NewFamilyProfile = Json<paths['/api/v1/family-profiles']['post']['requestBody']>;
export type Redemption = Json<paths['/api/v1/profile-codes/redeem']['post']['responses'][200]>;
export type Representative = Json<paths['/api/v1/customers/{customerId}/representatives']['get']['responses'][200]>['items'][number];
export type ProfileQueuePage = Json<paths['/api/v1/backoffice/profiles']['get']['responses'][200]>;
export type ProfileQueueItem = ProfileQueuePage['items'][number];
export type QueueFilter = NonNullable<NonNullable<paths['/api/v1/backoffice/profiles']['get']['parameters']['query']>['status']>;
export type StaffProfile = Json<paths['/api/v1/backoffice/profiles/{id}']['get']['responses'][200]>;
export type IssuedCode = Json<paths['/api/v1/backoffice/profiles/{id}/codes']['post']['responses'][201]>;

export const relations = ['child', 'parent', 'spouse', 'other'] as const satisfies readonly Relation[];
export const queueFilters = ['awaiting', 'verified', 'rejected'] as const satisfies readonly QueueFilter[];

export const familyKeys = {
  all: ['family'] as const,
  mine: () => [...familyKeys.all, 'mine'] as const,
  representatives: (customerId: string) => [...familyKeys.all, 'representatives', customerId] as const,
  staff: () => [...familyKeys.all, 'staff'] as const,
  queue: (filter: QueueFilter, query: string) => [...familyKeys.staff(), 'queue', filter, query] as const,
  profile: (id: string) => [...familyKeys.staff(), 'profile', id] as const,
};

/** The profiles the signed-in user reaches: their own, their relatives'. */
export function useFamilyProfiles() {
  return useQuery({
    queryKey: familyKeys.mine(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/family-profiles', { signal })),
  });
}

/** A change to profiles changes the header's customer switcher too. */
const useInvalidateMine = () => useInvalidate(familyKeys.all, partiesKeys.mine());

export function useAddFamilyProfile() {
  const invalidate = useInvalidateMine();
  return useMutation({
    // 201: added now; 200: the same person was already added (a repeated submit) and comes back as is.
    mutationFn: async (body: NewFamilyProfile) => {
      const result = await api.POST('/api/v1/family-profiles', { body });
      const profile = await unwrap(Promise.resolve(result));
      return { profile, created: result.response.status === 201 };
    },
    onSuccess: invalidate,
  });
}

export function useRedeemProfileCode() {
  const invalidate = useInvalidateMine();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/profile-codes/redeem', { body: { code } })),
    onSuccess: invalidate,
  });
}

export function useDeleteFamilyProfile() {
  const invalidate = useInvalidateMine();
  return useMutation({
    mutationFn: (profileId: string) => unwrap(api.DELETE('/api/v1/family-profiles/{profileId}', { params: { path: { profileId } } })),
    onSuccess: invalidate,
  });
}

export function useGiveUpFamilyAccess() {
  const invalidate = useInvalidateMine();
  return useMutation({
    mutationFn: (customerId: string) => unwrap(api.DELETE('/api/v1/customers/{customerId}/family-access', { params: { path: { customerId } } })),
    onSuccess: invalidate,
  });
}

export function useRepresentatives(customerId: string) {
  return useQuery({
    queryKey: familyKeys.representatives(customerId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/representatives', { signal, params: { path: { customerId } } })),
  });
}

export function useRemoveRepresentative() {
  const invalidate = useInvalidateMine();
  return useMutation({
    mutationFn: ({ customerId, userId }: { customerId: string; userId: string }) =>
      unwrap(api.DELETE('/api/v1/customers/{customerId}/representatives/{userId}', { params: { path: { customerId, userId } } })),
    onSuccess: invalidate,
  });
}

// Back office.

const QUEUE_PAGE_SIZE = 20;

/** The verification queue filtered and searched, page by page («Показать ещё»). */
export function useProfileQueue(filter: QueueFilter, query: string) {
  return useInfiniteQuery({
    queryKey: familyKeys.queue(filter, query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/backoffice/profiles', {
          signal,
          params: { query: { status: filter, limit: QUEUE_PAGE_SIZE, ...(query ? { query } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Switching tabs keeps the previous list (and its counts) on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useStaffProfile(id: string) {
  return useQuery({
    queryKey: familyKeys.profile(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/profiles/{id}', { signal, params: { path: { id } } })),
  });
}

/** A decision changes the queue, its counts and the navigation's badge. */
const useInvalidateStaff = () => useInvalidate(familyKeys.staff(), partiesKeys.queues());

export function useIssueProfileCode() {
  const invalidate = useInvalidateStaff();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/backoffice/profiles/{id}/codes', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useRejectProfile() {
  const invalidate = useInvalidateStaff();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/v1/backoffice/profiles/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}
