import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddonServices, useSetCatalogStatus, useTariffPlans, type AddonService, type TariffPlan } from '../../../api/tariffs';
import { useFormatMoney } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageTitle } from '../../../components/PageTitle';
import { CatalogFormModal } from './components/CatalogFormModal';
import { DataTable } from '../../../components/DataTable';

type Kind = 'plans' | 'services';
type Editing = { kind: 'plans'; item: TariffPlan | null } | { kind: 'services'; item: AddonService | null };
type StatusChange = { kind: Kind; item: TariffPlan | AddonService; action: 'archive' | 'restore' };

/** «Тарифы» (administrators): the tariff plans and add-on services customers are offered and charged for. */
export function TariffsPage() {
  const { t } = useTranslation('tariffs');
  const { t: tc } = useTranslation();
  const plans = useTariffPlans();
  const services = useAddonServices();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [statusChange, setStatusChange] = useState<StatusChange | null>(null);
  const setStatus = useSetCatalogStatus();

  return (
    <Stack gap="xl">
      <PageTitle>{tc('backoffice.sections.tariffs')}</PageTitle>
      <CatalogSection
        kind="plans"
        title={t('backoffice.plans')}
        query={plans}
        onCreate={() => setEditing({ kind: 'plans', item: null })}
        onEdit={(item) => setEditing({ kind: 'plans', item: item as TariffPlan })}
        onStatus={(item, action) => setStatusChange({ kind: 'plans', item, action })}
      />
      <CatalogSection
        kind="services"
        title={t('backoffice.services')}
        query={services}
        onCreate={() => setEditing({ kind: 'services', item: null })}
        onEdit={(item) => setEditing({ kind: 'services', item: item as AddonService })}
        onStatus={(item, action) => setStatusChange({ kind: 'services', item, action })}
      />
      {editing &&
        (editing.kind === 'plans' ? (
          <CatalogFormModal kind="plans" item={editing.item} onClose={() => setEditing(null)} />
        ) : (
          <CatalogFormModal kind="services" item={editing.item} onClose={() => setEditing(null)} />
        ))}
      {statusChange && (
        <ConfirmModal
          title={t(statusChange.action === 'archive' ? 'backoffice.archiveTitle' : 'backoffice.restoreTitle', { name: statusChange.item.name })}
          text={t(statusChange.action === 'archive' ? 'backoffice.archiveText' : 'backoffice.restoreText')}
          confirmLabel={t(statusChange.action === 'archive' ? 'backoffice.archive' : 'backoffice.restore')}
          color={statusChange.action === 'archive' ? 'red' : undefined}
          pending={setStatus.isPending}
          error={setStatus.error}
          onConfirm={() =>
            setStatus.mutate({ kind: statusChange.kind, code: statusChange.item.code, action: statusChange.action }, { onSuccess: () => setStatusChange(null) })
          }
          onClose={() => {
            setStatus.reset();
            setStatusChange(null);
          }}
        />
      )}
    </Stack>
  );
}

interface CatalogSectionProps {
  kind: Kind;
  title: string;
  query: { error: Error | null; data?: { items: Array<TariffPlan | AddonService> } | undefined; refetch: () => unknown };
  onCreate: () => void;
  onEdit: (item: TariffPlan | AddonService) => void;
  onStatus: (item: TariffPlan | AddonService, action: 'archive' | 'restore') => void;
}

function CatalogSection({ kind, title, query, onCreate, onEdit, onStatus }: CatalogSectionProps) {
  const { t } = useTranslation('tariffs');
  const { t: ta } = useTranslation('accounts');
  const formatMoney = useFormatMoney();
  const yesNo = (value: boolean) => (value ? t('backoffice.yes') : t('backoffice.no'));

  return (
    <Stack gap="sm" component="section">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Button onClick={onCreate}>{t('backoffice.create')}</Button>
      </Group>
      {query.error ? (
        <ApiErrorAlert error={query.error} title={t('backoffice.loadFailed')} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Loader size="sm" aria-label={t('loading')} />
      ) : query.data.items.length === 0 ? (
        <Alert variant="light">{t('backoffice.empty')}</Alert>
      ) : (
        <DataTable
          aria-label={title}
          minWidth={760}
          columns={[
            t('backoffice.name'),
            t('backoffice.code'),
            t('backoffice.accountKind'),
            t('backoffice.price'),
            t('backoffice.selfService'),
            kind === 'plans' && t('backoffice.immediateChange'),
            t('backoffice.status'),
            '',
          ]}
        >
          {query.data.items.map((item) => (
            <Table.Tr key={item.code} data-testid={`catalog-${item.code}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {item.name}
                </Text>
                {item.description && (
                  <Text size="xs" c="dimmed">
                    {item.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {item.code}
                </Text>
              </Table.Td>
              <Table.Td>{ta(`kind.${item.accountKind}`)}</Table.Td>
              <Table.Td>{formatMoney(item.monthlyPrice)}</Table.Td>
              <Table.Td>{yesNo(item.selfService)}</Table.Td>
              {kind === 'plans' && <Table.Td>{yesNo('immediateChange' in item && item.immediateChange)}</Table.Td>}
              <Table.Td>
                <Badge variant="light" color={item.status === 'active' ? 'green' : 'gray'}>
                  {item.status === 'active' ? t('backoffice.statusActive') : t('backoffice.statusArchived')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" justify="flex-end">
                  <Button size="compact-sm" variant="default" onClick={() => onEdit(item)}>
                    {t('backoffice.edit')}
                  </Button>
                  <Button size="compact-sm" variant="subtle" color={item.status === 'active' ? 'red' : undefined} onClick={() => onStatus(item, item.status === 'active' ? 'archive' : 'restore')}>
                    {item.status === 'active' ? t('backoffice.archive') : t('backoffice.restore')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
