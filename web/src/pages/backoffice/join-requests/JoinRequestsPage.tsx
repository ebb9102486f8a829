import { Button, Center, Checkbox, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queueStates, useJoinRequestQueue, type QueueState } from '../../../api/employees';
import { PageTitle } from '../../../components/PageTitle';
import { BulkApproveBar } from './components/BulkApproveBar';
import { JoinRequestDrawer } from './components/JoinRequestDrawer';
import { QueueRow } from './components/QueueRow';
import { QueueSearchForm } from './components/QueueSearchForm';

function isQueueState(value: string | null): value is QueueState {
  return queueStates.includes(value as QueueState);
}

/**
 * The moderator's join requests: waiting for the moderator (oldest first), approved by the moderator
 * and waiting for the company, and decided. The queue and the search live in the address.
 */
export function JoinRequestsPage() {
  const { t } = useTranslation('employees');
  const { t: tc } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const rawState = searchParams.get('state');
  const state: QueueState = isQueueState(rawState) ? rawState : 'moderator';
  const query = searchParams.get('q')?.trim() ?? '';
  const queue = useJoinRequestQueue(state, query);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  if (queue.isError) throw queue.error;

  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = queue.data?.pages[0]?.counts;
  const selectable = items.filter((item) => item.status === 'pending' && item.moderatorDecision === null);
  const chosen = selectable.filter((item) => selected.has(item.id)).map((item) => item.id);
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;

  function navigate(next: { state?: QueueState; q?: string }) {
    const params = { state: next.state ?? state, q: next.q ?? query };
    setSelected(new Set());
    setSearchParams({ ...(params.state !== 'moderator' ? { state: params.state } : {}), ...(params.q ? { q: params.q } : {}) });
  }

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <Stack gap="lg">
      <PageTitle>{`${tc('backoffice.sections.joinRequests')} — ${tc('backoffice.title')}`}</PageTitle>
      <SegmentedControl
        value={state}
        onChange={(value) => navigate({ state: value as QueueState })}
        data={queueStates.map((value) => ({ value, label: `${t(`queue.states.${value}`)}${counts ? ` (${counts[value]})` : ''}` }))}
        aria-label={t('queue.statesLabel')}
        w="fit-content"
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      <QueueSearchForm key={query} initial={query} onSearch={(q) => navigate({ q })} />
      {state === 'moderator' && <BulkApproveBar ids={chosen} onDone={() => setSelected(new Set())} />}
      {queue.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : items.length === 0 ? (
        <Text>{t(query ? 'queue.nothingFound' : `queue.empty.${state}`)}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" striped aria-label={t(`queue.states.${state}`)}>
            <Table.Thead>
              <Table.Tr>
                {state === 'moderator' && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('queue.selectAll')}
                      checked={allChosen}
                      indeterminate={chosen.length > 0 && !allChosen}
                      onChange={(event) => setSelected(event.currentTarget.checked ? new Set(selectable.map((item) => item.id)) : new Set())}
                    />
                  </Table.Th>
                )}
                <Table.Th scope="col">{t('queue.company')}</Table.Th>
                <Table.Th scope="col">{t('queue.applicant')}</Table.Th>
                <Table.Th scope="col">{t('queue.filed')}</Table.Th>
                <Table.Th scope="col">{t('queue.decisions')}</Table.Th>
                <Table.Th scope="col">{t('queue.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <QueueRow
                  key={item.id}
                  item={item}
                  selectable={state === 'moderator'}
                  selected={selected.has(item.id)}
                  onSelect={(on) => toggle(item.id, on)}
                  onOpen={() => setOpenId(item.id)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {queue.hasNextPage && (
        <Button variant="default" onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage} w="fit-content">
          {t('queue.more')}
        </Button>
      )}
      {openId && <JoinRequestDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
