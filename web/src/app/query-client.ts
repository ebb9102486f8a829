import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { identityKeys } from '../api/identity';
import { ApiError, problemCode } from '../api/problem';

/** A 4xx answer will not change on retry; network failures and 5xx may. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The session can end behind the page's back (signed out elsewhere, password recovered, account
 * reported hacked): the next answer says so, and the route guard then sends the visitor to sign in.
 * A staff member told to turn on two-factor is re-read, so the guard sends them to set it up.
 */
function onApiError(error: Error) {
  const code = problemCode(error);
  if (code === 'unauthenticated') queryClient.setQueryData(identityKeys.me(), null);
  if (code === 'totp_enrollment_required') void queryClient.invalidateQueries({ queryKey: identityKeys.me() });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: { retry: shouldRetry },
  },
});
