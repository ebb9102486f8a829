import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { ApiError } from './problem';
import type { components, paths } from './schema';

export type Me = components['schemas']['Me'];
export type RegistrationInput =
  paths['/api/v1/identity/registrations']['post']['requestBody']['content']['application/json'];
export type LoginInput = paths['/api/v1/identity/login']['post']['requestBody']['content']['application/json'];
export type LoginStatus =
  paths['/api/v1/identity/login']['post']['responses'][200]['content']['application/json']['status'];
export type RecoveryChannel =
  paths['/api/v1/identity/recovery']['post']['responses'][202]['content']['application/json']['channel'];

export const identityKeys = {
  all: ['identity'] as const,
  me: () => [...identityKeys.all, 'me'] as const,
  /** Set by signing out, so that the pages know why the user is gone; cleared by the next sign-in. */
  signedOut: () => [...identityKeys.all, 'signedOut'] as const,
};

/** Whether the visitor has just signed out (as opposed to never having signed in). */
export function useSignedOut(): boolean {
  return useQueryClient().getQueryData<boolean>(identityKeys.signedOut()) === true;
}

/** The signed-in user, or `null` for a visitor without a session. */
export function useMe() {
  return useQuery({
    queryKey: identityKeys.me(),
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await unwrap(api.GET('/api/v1/me', { signal }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** After a sign-in or sign-out everything cached belonged to someone else: start clean. */
function useResetSession() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({ predicate: belongsToUser });
    // Awaited, so that the page the visitor goes to next already knows who they are.
    await queryClient.invalidateQueries({ queryKey: identityKeys.me(), refetchType: 'all' });
  };
}

/** Everything cached except the provider's public settings and the `me` entry itself. */
function belongsToUser(query: { queryKey: readonly unknown[] }): boolean {
  const [root, kind] = query.queryKey;
  return root !== 'settings' && !(root === identityKeys.all[0] && kind === 'me');
}

export function useStartRegistration() {
  return useMutation({
    mutationFn: (body: RegistrationInput) => unwrap(api.POST('/api/v1/identity/registrations', { body })),
  });
}

export function useResendRegistrationCode() {
  return useMutation({
    mutationFn: (flowId: string) =>
      unwrap(api.POST('/api/v1/identity/registrations/{flowId}/resend', { params: { path: { flowId } } })),
  });
}

export function useConfirmRegistration() {
  const resetSession = useResetSession();
  return useMutation({
    mutationFn: ({ flowId, code }: { flowId: string; code: string }) =>
      unwrap(api.POST('/api/v1/identity/registrations/{flowId}/confirm', { params: { path: { flowId } }, body: { code } })),
    onSuccess: resetSession,
  });
}

export function useLogin() {
  const resetSession = useResetSession();
  return useMutation({
    mutationFn: (body: LoginInput) => unwrap(api.POST('/api/v1/identity/login', { body })),
    onSuccess: async (result) => {
      if (result.status === 'signed_in') await resetSession();
    },
  });
}

export function useSecondFactor() {
  const resetSession = useResetSession();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/identity/login/second-factor', { body: { code } })),
    onSuccess: resetSession,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/identity/logout')),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: belongsToUser });
      queryClient.setQueryData(identityKeys.signedOut(), true);
      queryClient.setQueryData(identityKeys.me(), null);
    },
  });
}

export function useStartRecovery() {
  return useMutation({
    mutationFn: (login: string) => unwrap(api.POST('/api/v1/identity/recovery', { body: { login } })),
  });
}

export function useResendRecoveryCode() {
  return useMutation({
    mutationFn: (flowId: string) =>
      unwrap(api.POST('/api/v1/identity/recovery/{flowId}/resend', { params: { path: { flowId } } })),
  });
}

export function useCompleteRecovery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flowId, code, password }: { flowId: string; code: string; password: string }) =>
      unwrap(
        api.POST('/api/v1/identity/recovery/{flowId}/complete', { params: { path: { flowId } }, body: { code, password } }),
      ),
    // A new password ends every session of the account, the one in this browser too.
    onSuccess: () => {
      queryClient.removeQueries({ predicate: belongsToUser });
      queryClient.setQueryData(identityKeys.me(), null);
    },
  });
}

/** A new staff member proves the mailbox with the emailed code and chooses a password; nobody is signed in. */
export function useCompleteStaffInvitation() {
  return useMutation({
    mutationFn: ({ flowId, code, password }: { flowId: string; code: string; password: string }) =>
      unwrap(
        api.POST('/api/v1/identity/staff-invitations/{flowId}/complete', {
          params: { path: { flowId } },
          body: { code, password },
        }),
      ),
  });
}
