import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './ApiErrorAlert';

/** A spinner while something loads. */
export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center py="md">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

interface FailedOrLoadingQuery {
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
}

/**
 * What a query shows until it has its data: the spinner, or the error with «Повторить».
 * `if (!query.isSuccess) return <QueryFallback query={query} errorTitle={…} />;` — below it the data is there.
 */
export function QueryFallback({ query, errorTitle }: { query: FailedOrLoadingQuery; errorTitle: string }) {
  if (query.isError && query.error) return <ApiErrorAlert error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  return <LoadingState />;
}
