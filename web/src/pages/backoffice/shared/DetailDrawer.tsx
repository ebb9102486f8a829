import { Drawer, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';

interface DetailDrawerProps<T> {
  title: string;
  /** The alert's title when the item could not be loaded; it offers to try again. */
  failed: string;
  query: UseQueryResult<T>;
  onClose: () => void;
  children: (data: T) => ReactNode;
}

/** One item of a queue in full, at the side of the list, once it has loaded. */
export function DetailDrawer<T>({ title, failed, query, onClose, children }: DetailDrawerProps<T>) {
  const { t } = useTranslation();

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={title}>
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title={failed} onRetry={() => void query.refetch()} />
      ) : (
        children(query.data)
      )}
    </Drawer>
  );
}
