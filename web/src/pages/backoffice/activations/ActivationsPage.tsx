import { Button, Center, Checkbox, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { activationStatuses, useActivationQueue, type ActivationStatus } from '../../../api/subscribers';
import { PageTitle } from '../../../components/PageTitle';
import { ActivationDrawer } from './components/ActivationDrawer';
import { ActivationRow } from './components/ActivationRow';
import { ActivationSearchForm } from './components/ActivationSearchForm';
import { BulkReceiveBar } from './components/BulkReceiveBar';

const countKey = { awaiting_papers: 'awaiting', activated: 'activated', rejected: 'rejected' } as const;

function isStatus(value: string | null): value is ActivationStatus {
  return activationStatuses.includes(value as ActivationStatus);
}

const keyOf = (item: { subscriberId: string; id: string }) => `${item.subscriberId}/${item.id}`;

/**
 * Registrations by subscriber code: waiting for the signed papers, activated, rejected. The status
 * and the search live in the address; several waiting ones can be marked «Документы получены» at once.
 */
export function ActivationsPage() {
  const { t } = useTranslation('subscribers');
  const { t: tc } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const rawStatus = searchParams.get('status');
  const status: ActivationStatus = isStatus(rawStatus) ? rawStatus : 'awaiting_papers';
  const query = searchParams.get('q')?.trim() ?? '';
  const queue = useActivationQueue(status, query);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<{ subscriberId: string; id: string } | null>(null);
  if (queue.isError) throw queue.error;

  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = queue.data?.pages[0]?.counts;
  const selectable = status === 'awaiting_papers';
  const chosen = items.filter((item) => selected.has(keyOf(item)));
  const allChosen = items.length > 0 && chosen.length === items.length;

  function navigate(next: { status?: ActivationStatus; q?: string }) {
    const params = { status: next.status ?? status, q: next.q ?? query };
    setSelected(new Set());
    setSearchParams({ ...(params.status !== 'awaiting_papers' ? { status: params.status } : {}), ...(params.q ? { q: params.q } : {}) });
  }

  function toggle(key: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  return (
    <Stack gap="lg">
      <PageTitle>{`${tc('backoffice.sections.activations')} — ${tc('backoffice.title')}`}</PageTitle>
      <SegmentedControl
        value={status}
        onChange={(value) => navigate({ status: value as ActivationStatus })}
        data={activationStatuses.map((value) => ({ value, label: `${t(`queue.statuses.${value}`)}${counts ? ` (${counts[countKey[value]]})` : ''}` }))}
        aria-label={t('queue.statusesLabel')}
        w="fit-content"
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      <ActivationSearchForm key={query} initial={query} onSearch={(q) => navigate({ q })} />
      {selectable && <BulkReceiveBar items={chosen.map(({ subscriberId, id }) => ({ subscriberId, id }))} onDone={() => setSelected(new Set())} />}
      {queue.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : items.length === 0 ? (
        <Text>{t(query ? 'queue.nothingFound' : `queue.empty.${status}`)}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" striped aria-label={t(`queue.statuses.${status}`)}>
            <Table.Thead>
              <Table.Tr>
                {selectable && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('queue.selectAll')}
                      checked={allChosen}
                      indeterminate={chosen.length > 0 && !allChosen}
                      onChange={(event) => setSelected(event.currentTarget.checked ? new Set(items.map(keyOf)) : new Set())}
                    />
                  </Table.Th>
                )}
                <Table.Th scope="col">{t('queue.subscriber')}</Table.Th>
                <Table.Th scope="col">{t('queue.account')}</Table.Th>
                <Table.Th scope="col">{t('queue.user')}</Table.Th>
                <Table.Th scope="col">{t(status === 'awaiting_papers' ? 'queue.registered' : 'queue.decided')}</Table.Th>
                <Table.Th scope="col">{t('queue.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <ActivationRow
                  key={keyOf(item)}
                  item={item}
                  selectable={selectable}
                  selected={selected.has(keyOf(item))}
                  onSelect={(on) => toggle(keyOf(item), on)}
                  onOpen={() => setOpen({ subscriberId: item.subscriberId, id: item.id })}
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
      {open && <ActivationDrawer subscriberId={open.subscriberId} id={open.id} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
