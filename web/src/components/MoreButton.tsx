import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** «Показать ещё» under a list the server pages, while it has another page. */
export function MoreButton({ query }: { query: PagedQuery }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Button variant="light" w="fit-content" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
      {t('common.more')}
    </Button>
  );
}
