import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { SearchForm } from '../shared/SearchForm';
import { CustomerResults } from './components/CustomerResults';

/** Finding a customer by a part of their email, phone or name; the query lives in the address. */
export function UsersPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q')?.trim() ?? '';

  return (
    <Stack gap="lg" maw={900}>
      <PageTitle>{`${t('backoffice.sections.users')} — ${t('backoffice.title')}`}</PageTitle>
      <SearchForm
        key={query}
        initial={query}
        onSearch={(next) => setSearchParams(next ? { q: next } : {})}
        name={t('backoffice.users.searchLabel')}
        label={t('backoffice.users.search')}
        description={t('backoffice.users.searchHint')}
      />
      <CustomerResults query={query} />
    </Stack>
  );
}
