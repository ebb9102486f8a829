import { Badge, Button, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queueFilters, useProfileQueue, type QueueFilter } from '../../../api/family';
import { PageTitle } from '../../../components/PageTitle';
import { QueueResults } from './components/QueueResults';

function filterOf(value: string | null): QueueFilter {
  return queueFilters.find((filter) => filter === value) ?? 'awaiting';
}

/** The queue of relatives' profiles to verify; the filter and the search live in the address. */
export function ProfilesPage() {
  const { t } = useTranslation('family');
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterOf(searchParams.get('status'));
  const query = searchParams.get('q')?.trim() ?? '';
  const queue = useProfileQueue(filter, query);
  const counts = queue.data?.pages[0]?.counts;

  function show(next: { status?: QueueFilter; q?: string }) {
    const status = next.status ?? filter;
    const q = next.q ?? query;
    setSearchParams({ ...(status !== 'awaiting' ? { status } : {}), ...(q ? { q } : {}) });
  }

  return (
    <Stack gap="lg" maw={900}>
      <PageTitle>{`${t(`backoffice.filters.${filter}`)} — ${t('backoffice.sections.profiles', { ns: 'translation' })}`}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('backoffice.intro')}
      </Text>
      <Tabs value={filter} onChange={(value) => show({ status: filterOf(value) })} variant="pills">
        <Tabs.List aria-label={t('backoffice.filtersLabel')}>
          {queueFilters.map((item) => (
            <Tabs.Tab
              key={item}
              value={item}
              rightSection={
                counts ? (
                  <Badge size="sm" variant={item === 'awaiting' && counts.awaiting > 0 ? 'filled' : 'light'} color={item === 'awaiting' ? 'yellow' : 'gray'} aria-hidden>
                    {counts[item]}
                  </Badge>
                ) : undefined
              }
            >
              {t(`backoffice.filters.${item}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <SearchForm key={query} initial={query} onSearch={(q) => show({ q })} />
      <QueueResults queue={queue} query={query} />
    </Stack>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (query: string) => void }) {
  const { t } = useTranslation('family');
  const [value, setValue] = useState(initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }

  return (
    <form onSubmit={submit} role="search" aria-label={t('backoffice.searchLabel')}>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('backoffice.search')}
          type="search"
          autoComplete="off"
          maxLength={100}
          flex={1}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
        <Button type="submit">{t('backoffice.searchSubmit')}</Button>
      </Group>
    </form>
  );
}
