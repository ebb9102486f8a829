import { Alert, Button, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  companyKinds,
  companyStatuses,
  registryChecks,
  useApproveCompanies,
  useCompanyQueue,
  type BulkApproveResult,
  type CompanyFilters,
  type CompanyKind,
  type CompanyStatus,
  type RegistryCheck,
} from '../../../api/companies';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { MoreButton } from '../../../components/MoreButton';
import { PageTitle } from '../../../components/PageTitle';
import { QueueTabs } from '../shared/QueueControls';
import { SearchForm } from '../shared/SearchForm';
import { useSelection } from '../shared/queue';
import { CompanyTable } from './components/CompanyTable';

const ALL = 'all';

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** The filters live in the address, so a view can be shared and survives a reload; pending by default. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const filters: Omit<CompanyFilters, 'cursor' | 'limit'> = {};
  const status = rawStatus === ALL ? undefined : (oneOf(companyStatuses, rawStatus) ?? 'pending');
  if (status) filters.status = status;
  const kind = oneOf(companyKinds, params.get('kind'));
  if (kind) filters.kind = kind;
  const registryCheck = oneOf(registryChecks, params.get('check'));
  if (registryCheck) filters.registryCheck = registryCheck;
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  const update = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return { filters, update };
}

/** Companies to moderate: filters with counts, a table with checkboxes, bulk approval. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('companies');
  const { filters, update } = useFilters();
  const queue = useCompanyQueue(filters);
  const approve = useApproveCompanies();
  // Changing the status starts afresh; narrowing by kind, check or search keeps what is ticked.
  const selection = useSelection(filters.status ?? ALL);
  const [result, setResult] = useState<BulkApproveResult | null>(null);
  const counts = queue.data?.pages[0]?.counts;
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const total = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : undefined;

  function approveSelected() {
    setResult(null);
    approve.mutate([...selection.selected], {
      onSuccess: (outcome) => {
        setResult(outcome);
        selection.set(outcome.failed.map((failure) => failure.id));
      },
    });
  }

  return (
    <Stack gap="lg">
      <PageTitle>{`${t('backoffice.sections.companies')} — ${t('backoffice.title')}`}</PageTitle>
      <Stack gap="sm" component="section" aria-label={tc('queue.filters')}>
        <QueueTabs<CompanyStatus | typeof ALL>
          label={tc('queue.status')}
          value={filters.status ?? ALL}
          tabs={[
            ...companyStatuses.map((status) => ({ value: status, label: tc(`status.${status}`), count: counts?.[status] })),
            { value: ALL, label: tc('queue.anyStatus'), count: total },
          ]}
          onChange={(status) => update({ status: status === 'pending' ? undefined : status })}
        />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={tc('queue.kind')}
            value={filters.kind ?? ''}
            onChange={(event) => update({ kind: oneOf<CompanyKind>(companyKinds, event.currentTarget.value) })}
            data={[{ value: '', label: tc('queue.anyKind') }, ...companyKinds.map((kind) => ({ value: kind, label: tc(`kindsShort.${kind}`) }))]}
          />
          <NativeSelect
            label={tc('queue.registryCheck')}
            value={filters.registryCheck ?? ''}
            onChange={(event) => update({ check: oneOf<RegistryCheck>(registryChecks, event.currentTarget.value) })}
            data={[{ value: '', label: tc('queue.anyCheck') }, ...registryChecks.map((check) => ({ value: check, label: tc(`registry.${check}`) }))]}
          />
          <SearchForm
            key={filters.q}
            initial={filters.q ?? ''}
            onSearch={(q) => update({ q: q || undefined })}
            label={tc('queue.search')}
            style={{ flex: 1, minWidth: 240 }}
          />
        </Group>
      </Stack>

      {filters.status === 'pending' && (
        <Group gap="sm">
          <Button onClick={approveSelected} disabled={selection.selected.size === 0} loading={approve.isPending}>
            {selection.selected.size > 0 ? tc('queue.approveSelectedCount', { count: selection.selected.size }) : tc('queue.approveSelected')}
          </Button>
        </Group>
      )}
      {approve.error && <ApiErrorAlert error={approve.error} title={tc('queue.approveSelected')} />}
      {result && <BulkResult result={result} />}

      {queue.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : queue.isError ? (
        <ApiErrorAlert error={queue.error} title={t('backoffice.sections.companies')} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <Text>{tc('queue.empty')}</Text>
      ) : (
        <>
          <CompanyTable items={items} selection={selection} />
          <MoreButton query={queue} />
        </>
      )}
    </Stack>
  );
}

function BulkResult({ result }: { result: BulkApproveResult }) {
  const { t } = useTranslation('companies');
  return (
    <Alert color={result.failed.length > 0 ? 'yellow' : 'teal'} variant="light" role="status" title={t('queue.bulkDone', { count: result.approved.length })}>
      {result.failed.length > 0 && (
        <Stack gap={2}>
          <Text size="sm">{t('queue.bulkFailed', { count: result.failed.length })}</Text>
          {result.failed.map((failure) => (
            <Text key={failure.id} size="sm">
              {failure.title}
            </Text>
          ))}
        </Stack>
      )}
    </Alert>
  );
}
