import { useQueryClient, type QueryKey } from '@tanstack/react-query';

/** A mutation's `onSuccess`: marks every key given stale (a module's lists, the header, the queue counts) and waits for the refetch. */
export function useInvalidate(...keys: QueryKey[]): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}
