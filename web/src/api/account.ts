import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useReauthGuard } from '../app/reauth';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import { identityKeys } from './identity';
import type { paths } from './schema';

export type Account = Json<paths['/api/v1/account']['get']['responses'][200]>;
export type AccountSession = Json<paths['/api/v1/account/sessions']['get']['responses'][200]>['items'][number];
export type ActivityEvent = Json<paths['/api/v1/account/activity']['get']['responses'][200]>['items'][number];
export type NotificationPreferences = Json<paths['/api/v1/account/notifications']['put']['requestBody']>;
export type TwoFactorSetup = Json<paths['/api/v1/account/two-factor/setup']['post']['responses'][200]>;

const ACTIVITY_PAGE_SIZE = 20;

export const accountKeys = {
  all: ['account'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  activity: () => [...accountKeys.all, 'activity'] as const,
};

export function useAccount() {
  return useQuery({
    queryKey: accountKeys.profile(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/account', { signal })),
  });
}

/** Anything that changes the account changes what `me` says and adds to the activity log. */
const useInvalidateAccount = () => useInvalidate(accountKeys.all, identityKeys.me());

export function useReauthenticate() {
  return useMutation({
    mutationFn: (body: { password: string; code?: string }) =>
      unwrap(api.POST('/api/v1/identity/reauthenticate', { body })),
  });
}

export function useUpdateProfile() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: 'ru' | 'en' }) =>
      guard(() => unwrap(api.PATCH('/api/v1/account', { body }))),
    onSuccess: invalidate,
  });
}

export function useChangePassword() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      guard(() => unwrap(api.POST('/api/v1/account/password', { body }))),
    onSuccess: invalidate,
  });
}

export function useStartEmailChange() {
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (email: string) =>
      guard(() => unwrap(api.POST('/api/v1/account/email', { body: { email } }))),
  });
}

export function useResendEmailCode() {
  return useMutation({
    mutationFn: (flowId: string) =>
      unwrap(api.POST('/api/v1/account/email/{flowId}/resend', { params: { path: { flowId } } })),
  });
}

export function useConfirmEmailChange() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: ({ flowId, code }: { flowId: string; code: string }) =>
      guard(() => unwrap(api.POST('/api/v1/account/email/{flowId}/confirm', { params: { path: { flowId } }, body: { code } }))),
    onSuccess: invalidate,
  });
}

export function useStartPhoneChange() {
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (phone: string) =>
      guard(() => unwrap(api.POST('/api/v1/account/phone', { body: { phone } }))),
  });
}

export function useResendPhoneCode() {
  return useMutation({
    mutationFn: (flowId: string) =>
      unwrap(api.POST('/api/v1/account/phone/{flowId}/resend', { params: { path: { flowId } } })),
  });
}

export function useConfirmPhone() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: ({ flowId, code }: { flowId: string; code: string }) =>
      guard(() => unwrap(api.POST('/api/v1/account/phone/{flowId}/confirm', { params: { path: { flowId } }, body: { code } }))),
    onSuccess: invalidate,
  });
}

export function useRemovePhone() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: () =>
      guard(() => unwrap(api.DELETE('/api/v1/account/phone'))),
    onSuccess: invalidate,
  });
}

export function useSetUpTwoFactor() {
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: () =>
      guard(() => unwrap(api.POST('/api/v1/account/two-factor/setup'))),
  });
}

export function useEnableTwoFactor() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (code: string) =>
      guard(() => unwrap(api.POST('/api/v1/account/two-factor/enable', { body: { code } }))),
    onSuccess: invalidate,
  });
}

export function useDisableTwoFactor() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (body: { password: string; code: string }) =>
      guard(() => unwrap(api.POST('/api/v1/account/two-factor/disable', { body }))),
    onSuccess: invalidate,
  });
}

export function useRegenerateBackupCodes() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: () =>
      guard(() => unwrap(api.POST('/api/v1/account/two-factor/backup-codes'))),
    onSuccess: invalidate,
  });
}

export function useSessions() {
  return useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/account/sessions', { signal })),
  });
}

export function useEndSession() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (id: string) =>
      guard(() => unwrap(api.DELETE('/api/v1/account/sessions/{id}', { params: { path: { id } } }))),
    onSuccess: invalidate,
  });
}

export function useEndOtherSessions() {
  const invalidate = useInvalidateAccount();
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: () =>
      guard(() => unwrap(api.POST('/api/v1/account/sessions/end-others'))),
    onSuccess: invalidate,
  });
}

export function useActivity() {
  return useInfiniteQuery({
    queryKey: accountKeys.activity(),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/account/activity', {
          signal,
          params: { query: { limit: ACTIVITY_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useUpdateNotifications() {
  const invalidate = useInvalidateAccount();
  return useMutation({
    mutationFn: (body: NotificationPreferences) => unwrap(api.PUT('/api/v1/account/notifications', { body })),
    onSuccess: invalidate,
  });
}

export function useReportHacked() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) =>
      unwrap(api.POST('/api/v1/account/report-hacked', { body: comment ? { comment } : {} })),
    // Every session has ended, this one too: nothing cached belongs to a signed-in user any more.
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'settings' });
      queryClient.setQueryData(identityKeys.me(), null);
    },
  });
}
