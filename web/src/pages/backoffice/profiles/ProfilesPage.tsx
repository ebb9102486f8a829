import { Badge, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queueFilters, useProfileQueue } from '../../../api/family';
import { PageTitle } from '../../../components/PageTitle';
import { SearchForm } from '../shared/SearchForm';
import { useQueueParams } from '../shared/queue';
import { QueueResults } from './components/QueueResults';

/** The queue of relatives' profiles to verify; the filter and the search live in the address. */
export function ProfilesPage() {
  const { t } = useTranslation('family');
  const { tab: filter, query, show } = useQueueParams('status', queueFilters, 'awaiting');
  const queue = useProfileQueue(filter, query);
  const counts = queue.data?.pages[0]?.counts;

  return (
    <Stack gap="lg" maw={900}>
      <PageTitle>{`${t(`backoffice.filters.${filter}`)} — ${t('backoffice.sections.profiles', { ns: 'translation' })}`}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('backoffice.intro')}
      </Text>
      <Tabs value={filter} onChange={(value) => show({ tab: queueFilters.find((item) => item === value) })} variant="pills">
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
      <SearchForm key={query} initial={query} onSearch={(q) => show({ q })} name={t('backoffice.searchLabel')} label={t('backoffice.search')} />
      <QueueResults queue={queue} query={query} />
    </Stack>
  );
}
