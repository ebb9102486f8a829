import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activationStatuses, useActivationQueue } from '../../../api/subscribers';
import { MoreButton } from '../../../components/MoreButton';
import { PageTitle } from '../../../components/PageTitle';
import { QueueTable, QueueTabs, SelectAllCheckbox } from '../shared/QueueControls';
import { SearchForm } from '../shared/SearchForm';
import { useQueueParams, useSelection } from '../shared/queue';
import { ActivationDrawer } from './components/ActivationDrawer';
import { ActivationRow } from './components/ActivationRow';
import { BulkReceiveBar } from './components/BulkReceiveBar';

const countKey = { awaiting_papers: 'awaiting', activated: 'activated', rejected: 'rejected' } as const;

const keyOf = (item: { subscriberId: string; id: string }) => `${item.subscriberId}/${item.id}`;

/**
 * Registrations by subscriber code: waiting for the signed papers, activated, rejected. The status
 * and the search live in the address; several waiting ones can be marked «Документы получены» at once.
 */
export function ActivationsPage() {
  const { t } = useTranslation('subscribers');
  const { t: tc } = useTranslation();
  const { tab: status, query, show } = useQueueParams('status', activationStatuses, 'awaiting_papers');
  const queue = useActivationQueue(status, query);
  const selection = useSelection(`${status}?${query}`);
  const [open, setOpen] = useState<{ subscriberId: string; id: string } | null>(null);
  if (queue.isError) throw queue.error;

  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = queue.data?.pages[0]?.counts;
  const selectable = status === 'awaiting_papers';
  const chosen = items.filter((item) => selection.has(keyOf(item)));

  return (
    <Stack gap="lg">
      <PageTitle>{`${tc('backoffice.sections.activations')} — ${tc('backoffice.title')}`}</PageTitle>
      <QueueTabs
        label={t('queue.statusesLabel')}
        value={status}
        tabs={activationStatuses.map((value) => ({ value, label: t(`queue.statuses.${value}`), count: counts?.[countKey[value]] }))}
        onChange={(tab) => show({ tab })}
      />
      <SearchForm
        key={query}
        initial={query}
        onSearch={(q) => show({ q })}
        name={t('queue.search')}
        label={t('queue.search')}
        description={t('queue.searchHint')}
        maxLength={200}
        maw={720}
      />
      {selectable && <BulkReceiveBar items={chosen.map(({ subscriberId, id }) => ({ subscriberId, id }))} onDone={selection.clear} />}
      <QueueTable
        label={t(`queue.statuses.${status}`)}
        minWidth={860}
        loading={queue.isPending}
        empty={items.length === 0 ? t(query ? 'queue.nothingFound' : `queue.empty.${status}`) : undefined}
        columns={[t('queue.subscriber'), t('queue.account'), t('queue.user'), t(selectable ? 'queue.registered' : 'queue.decided'), t('queue.actions')]}
        selectAll={selectable && <SelectAllCheckbox label={t('queue.selectAll')} keys={items.map(keyOf)} selection={selection} />}
      >
        {items.map((item) => (
          <ActivationRow
            key={keyOf(item)}
            item={item}
            selectable={selectable}
            selected={selection.has(keyOf(item))}
            onSelect={(on) => selection.toggle(keyOf(item), on)}
            onOpen={() => setOpen({ subscriberId: item.subscriberId, id: item.id })}
          />
        ))}
      </QueueTable>
      <MoreButton query={queue} />
      {open && <ActivationDrawer subscriberId={open.subscriberId} id={open.id} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
