import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountTariff, useCancelScheduledChange, usePlanHistory, usePlanOffers, type AccountTariff, type PlanOffer } from '../../../api/tariffs';
import { useFormatDate, useFormatMoney } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useAccountContext } from '../AccountPage';
import { ChangePlanModal } from './components/ChangePlanModal';
import { dayBefore } from './components/dates';
import { QueryFallback } from '../../../components/QueryFallback';
import { DataTable } from '../../../components/DataTable';

type ChangeableOffer = PlanOffer & { terms: NonNullable<PlanOffer['terms']> };

/** «Тариф»: the current plan and the next charge, a scheduled change, the plans to switch to and the history. */
export function TariffTab() {
  const { t } = useTranslation('tariffs');
  const { customer, account } = useAccountContext();
  const customerId = customer.customer.id;
  const tariff = useAccountTariff(customerId, account.id);
  const [done, setDone] = useState<string | null>(null);

  if (!tariff.isSuccess) return <QueryFallback query={tariff} errorTitle={t('tariff.loadFailed')} />;

  const canOrder = customer.permissions.includes('order');
  return (
    <Stack gap="lg">
      {done && (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      <CurrentPlan tariff={tariff.data} canOrder={canOrder} onCancelled={() => setDone(t('tariff.cancelled'))} />
      <Offers tariff={tariff.data} canOrder={canOrder} onChanged={setDone} />
      <History />
    </Stack>
  );
}

function CurrentPlan({ tariff, canOrder, onCancelled }: { tariff: AccountTariff; canOrder: boolean; onCancelled: () => void }) {
  const { t } = useTranslation('tariffs');
  const { customer, account } = useAccountContext();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const cancel = useCancelScheduledChange(customer.customer.id, account.id);
  const [confirming, setConfirming] = useState(false);
  const { current, scheduled, nextCharge } = tariff;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Text size="sm" c="dimmed">
            {t('tariff.current')}
          </Text>
          {current ? (
            <Stack gap={4} mt={4}>
              <Title order={3} data-testid="current-plan">
                {current.planName}
              </Title>
              <Text fw={600}>{t('perMonth', { amount: formatMoney(current.monthlyPrice) })}</Text>
              <Text size="sm" c="dimmed">
                {current.validTo ? t('tariff.until', { date: formatDate(dayBefore(current.validTo)) }) : t('tariff.since', { date: formatDate(current.validFrom) })}
              </Text>
            </Stack>
          ) : (
            <Text mt={4}>{t('tariff.noPlan')}</Text>
          )}
        </Card>
        <Card withBorder padding="lg">
          <Text size="sm" c="dimmed">
            {t('tariff.nextCharge')}
          </Text>
          {nextCharge ? (
            <Stack gap={4} mt={4}>
              <Title order={3} data-testid="next-charge">
                {formatMoney(nextCharge.amount)}
              </Title>
              <Text fw={600}>{formatDate(nextCharge.date)}</Text>
              {nextCharge.items.map((item) => (
                <Text key={`${item.kind}:${item.code}`} size="sm" c="dimmed">
                  {item.name} — {formatMoney(item.amount)}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text mt={4}>{t('tariff.nextChargeNone')}</Text>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t('tariff.nextChargeHint')}
          </Text>
        </Card>
      </SimpleGrid>
      {scheduled && (
        <Alert variant="light" color="blue">
          <Group justify="space-between" gap="sm">
            <Text size="sm" data-testid="scheduled-change">
              {t('tariff.scheduled', { name: scheduled.planName, date: formatDate(scheduled.validFrom), price: t('perMonth', { amount: formatMoney(scheduled.monthlyPrice) }) })}
            </Text>
            {canOrder && (
              <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
                {t('tariff.cancelScheduled')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {confirming && scheduled && (
        <ConfirmModal
          title={t('tariff.cancelTitle')}
          text={t('tariff.cancelText', { name: scheduled.planName, date: formatDate(scheduled.validFrom), current: current?.planName ?? '' })}
          confirmLabel={t('tariff.cancelConfirm')}
          pending={cancel.isPending}
          error={cancel.error}
          onConfirm={() =>
            cancel.mutate(undefined, {
              onSuccess: () => {
                setConfirming(false);
                onCancelled();
              },
            })
          }
          onClose={() => setConfirming(false)}
        />
      )}
    </Stack>
  );
}

function Offers({ tariff, canOrder, onChanged }: { tariff: AccountTariff; canOrder: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation('tariffs');
  const { customer, account } = useAccountContext();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const offers = usePlanOffers(customer.customer.id, account.id);
  const [chosen, setChosen] = useState<ChangeableOffer | null>(null);

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('tariff.offers')}
      </Title>
      {!canOrder && (
        <Text size="sm" c="dimmed">
          {t('tariff.noOrderPermission')}
        </Text>
      )}
      {offers.isPending ? (
        <Loader size="sm" aria-label={t('loading')} />
      ) : offers.isError ? (
        <ApiErrorAlert error={offers.error} title={t('tariff.offersLoadFailed')} onRetry={() => void offers.refetch()} />
      ) : offers.data.items.length === 0 ? (
        <Alert variant="light">{t('tariff.offersEmpty')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {offers.data.items.map((offer) => (
            <Card key={offer.plan.code} withBorder padding="lg" data-testid={`plan-offer-${offer.plan.code}`}>
              <Stack gap="xs" h="100%">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Title order={3} size="h4">
                    {offer.plan.name}
                  </Title>
                  {offer.current && <Badge variant="light">{t('tariff.isCurrent')}</Badge>}
                  {offer.scheduled && <Badge variant="light" color="blue">{t('tariff.isScheduled')}</Badge>}
                </Group>
                <Text fw={700}>{t('perMonth', { amount: formatMoney(offer.plan.monthlyPrice) })}</Text>
                {offer.plan.description && (
                  <Text size="sm" c="dimmed">
                    {offer.plan.description}
                  </Text>
                )}
                <Text size="sm">
                  {offer.plan.immediateChange ? t('tariff.ruleImmediate') : t('tariff.ruleNextPeriod')}
                  {offer.terms && offer.terms.mode === 'next_period' ? ` — ${formatDate(offer.terms.effectiveFrom)}` : ''}
                </Text>
                {canOrder && offer.terms && !offer.scheduled && (
                  <Button mt="auto" variant="light" onClick={() => setChosen(offer as ChangeableOffer)}>
                    {t('tariff.choose')}
                  </Button>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {chosen && (
        <ChangePlanModal
          customerId={customer.customer.id}
          accountId={account.id}
          offer={chosen}
          tariff={tariff}
          onClose={() => setChosen(null)}
          onDone={(result) => {
            setChosen(null);
            onChanged(t(`tariff.changed.${result.terms.mode}`, { name: chosen.plan.name, date: formatDate(result.terms.effectiveFrom) }));
          }}
        />
      )}
    </Stack>
  );
}

function History() {
  const { t } = useTranslation('tariffs');
  const { customer, account } = useAccountContext();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const history = usePlanHistory(customer.customer.id, account.id);

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('tariff.history')}
      </Title>
      {history.isPending ? (
        <Loader size="sm" aria-label={t('loading')} />
      ) : history.isError ? (
        <ApiErrorAlert error={history.error} title={t('tariff.historyLoadFailed')} onRetry={() => void history.refetch()} />
      ) : (
        <DataTable
          aria-label={t('tariff.history')}
          minWidth={560}
          columns={[t('tariff.historyPlan'), t('tariff.historyPrice'), t('tariff.historyFrom'), t('tariff.historyTo'), t('tariff.historyHow')]}
        >
          {history.data.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.planName}</Table.Td>
              <Table.Td>{formatMoney(item.monthlyPrice)}</Table.Td>
              <Table.Td>{formatDate(item.validFrom)}</Table.Td>
              <Table.Td>{item.validTo ? formatDate(item.validTo > item.validFrom ? dayBefore(item.validTo) : item.validFrom) : t('tariff.historyOpen')}</Table.Td>
              <Table.Td>{t(`tariff.changeKind.${item.changeKind}`)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
