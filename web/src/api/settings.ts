import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

export type PublicSettings =
  paths['/api/v1/settings/public']['get']['responses'][200]['content']['application/json'];

export const settingsKeys = {
  all: ['settings'] as const,
  public: () => [...settingsKeys.all, 'public'] as const,
};

/** The provider's public face: name, logo, support contacts. Changes rarely. */
export function usePublicSettings() {
  return useQuery({
    queryKey: settingsKeys.public(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/settings/public', { signal })),
    staleTime: 5 * 60_000,
  });
}
