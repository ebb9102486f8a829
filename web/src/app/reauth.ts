import { createContext, useContext } from 'react';

/** Runs a sensitive request; asks for the password again and retries when the server wants that. */
export type ReauthGuard = <T>(request: () => Promise<T>) => Promise<T>;

const passThrough: ReauthGuard = (request) => request();

export const ReauthContext = createContext<ReauthGuard>(passThrough);

/** Outside a {@link ReauthContext} provider the request simply runs and may fail. */
export function useReauthGuard(): ReauthGuard {
  return useContext(ReauthContext);
}
