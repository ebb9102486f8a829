import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queueStates, useJoinRequestQueue } from '../../../api/employees';
import { MoreButton } from '../../../components/MoreButton';
import { PageTitle } from '../../../components/PageTitle';
import { QueueTable, QueueTabs, SelectAllCheckbox } from '../shared/QueueControls';
import { SearchForm } from '../shared/SearchForm';
import { useQueueParams, useSelection } from '../shared/queue';
import { BulkApproveBar } from './components/BulkApproveBar';
import { JoinRequestDrawer } from './components/JoinRequestDrawer';
import { QueueRow } from './components/QueueRow';

/**
 * The moderator's join requests: waiting for the moderator (oldest first), approved by the moderator
 * and waiting for the company, and decided. The queue and the search live in the address.
 */
export function JoinRequestsPage() {
  const { t } = useTranslation('employees');
  const { t: tc } = useTranslation();
  const { tab: state, query, show } = useQueueParams('state', queueStates, 'moderator');
  const queue = useJoinRequestQueue(state, query);
  const selection = useSelection(`${state}?${query}`);
  const [openId, setOpenId] = useState<string | null>(null);
  if (queue.isError) throw queue.error;

  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = queue.data?.pages[0]?.counts;
  const selectable = state === 'moderator';
  // Only the requests still waiting for the moderator can be approved in bulk.
  const waiting = items.filter((item) => item.status === 'pending' && item.moderatorDecision === null).map((item) => item.id);

  return (
    <Stack gap="lg">
      <PageTitle>{`${tc('backoffice.sections.joinRequests')} — ${tc('backoffice.title')}`}</PageTitle>
      <QueueTabs
        label={t('queue.statesLabel')}
        value={state}
        tabs={queueStates.map((value) => ({ value, label: t(`queue.states.${value}`), count: counts?.[value] }))}
        onChange={(tab) => show({ tab })}
      />
      <SearchForm
        key={query}
        initial={query}
        onSearch={(q) => show({ q })}
        name={t('queue.search')}
        label={t('queue.search')}
        description={t('queue.searchHint')}
        maw={720}
      />
      {selectable && <BulkApproveBar ids={waiting.filter(selection.has)} onDone={selection.clear} />}
      <QueueTable
        label={t(`queue.states.${state}`)}
        minWidth={900}
        loading={queue.isPending}
        empty={items.length === 0 ? t(query ? 'queue.nothingFound' : `queue.empty.${state}`) : undefined}
        columns={[t('queue.company'), t('queue.applicant'), t('queue.filed'), t('queue.decisions'), t('queue.actions')]}
        selectAll={selectable && <SelectAllCheckbox label={t('queue.selectAll')} keys={waiting} selection={selection} />}
      >
        {items.map((item) => (
          <QueueRow
            key={item.id}
            item={item}
            selectable={selectable}
            selected={selection.has(item.id)}
            onSelect={(on) => selection.toggle(item.id, on)}
            onOpen={() => setOpenId(item.id)}
          />
        ))}
      </QueueTable>
      <MoreButton query={queue} />
      {openId && <JoinRequestDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
