import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountServices, useCancelService, useOrderService, type ServiceOffer, type ServiceSubscription } from '../../../api/tariffs';
import { useFormatDate, useFormatMoney } from '../../../app/format';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useAccountContext } from '../AccountPage';
import { nextPeriodStart } from './components/dates';
import { QueryFallback } from '../../../components/QueryFallback';
import { useIdempotencyKey } from '../../../api/idempotency';

type Pending = { kind: 'order'; offer: ServiceOffer } | { kind: 'resume'; subscription: ServiceSubscription } | { kind: 'cancel'; subscription: ServiceSubscription; endsOn: string };

/** «Услуги»: add-on services on the account, with «Отключить», and those to order, with «Подключить»; each confirmed with its charge. */
export function ServicesTab() {
  const { t } = useTranslation('tariffs');
  const { customer, account } = useAccountContext();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const services = useAccountServices(customer.customer.id, account.id);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!services.isSuccess) return <QueryFallback query={services} errorTitle={t('services.loadFailed')} />;

  const canOrder = customer.permissions.includes('order');
  const blockedForDebt = account.blockedFor.includes('debt');
  const { active, available } = services.data;

  return (
    <Stack gap="lg">
      {done && (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {!canOrder && (
        <Text size="sm" c="dimmed">
          {t('services.noOrderPermission')}
        </Text>
      )}
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('services.active')}
        </Title>
        {active.length === 0 ? (
          <Alert variant="light">{t('services.activeEmpty')}</Alert>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {active.map((subscription) => (
              <Card key={subscription.id} withBorder padding="lg" data-testid={`service-active-${subscription.serviceCode}`}>
                <Stack gap="xs" h="100%">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Title order={3} size="h4">
                      {subscription.serviceName}
                    </Title>
                    {subscription.validTo && (
                      <Badge variant="light" color="yellow">
                        {t('services.endsOn', { date: formatDate(subscription.validTo) })}
                      </Badge>
                    )}
                  </Group>
                  <Text fw={700}>{t('perMonth', { amount: formatMoney(subscription.monthlyPrice) })}</Text>
                  <Text size="sm" c="dimmed">
                    {t('services.since', { date: formatDate(subscription.validFrom) })}
                  </Text>
                  {canOrder &&
                    (subscription.validTo ? (
                      <Button mt="auto" variant="light" onClick={() => setPending({ kind: 'resume', subscription })}>
                        {t('services.resume')}
                      </Button>
                    ) : (
                      <Button mt="auto" variant="default" onClick={() => setPending({ kind: 'cancel', subscription, endsOn: nextPeriodStart(services.data.today) })}>
                        {t('services.cancel')}
                      </Button>
                    ))}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('services.available')}
        </Title>
        {blockedForDebt && canOrder && (
          <Alert variant="light" color="red">
            {t('services.blockedForDebt')}
          </Alert>
        )}
        {available.length === 0 ? (
          <Alert variant="light">{t('services.availableEmpty')}</Alert>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {available.map((offer) => (
              <Card key={offer.service.code} withBorder padding="lg" data-testid={`service-offer-${offer.service.code}`}>
                <Stack gap="xs" h="100%">
                  <Title order={3} size="h4">
                    {offer.service.name}
                  </Title>
                  <Text fw={700}>{t('perMonth', { amount: formatMoney(offer.service.monthlyPrice) })}</Text>
                  {offer.service.description && (
                    <Text size="sm" c="dimmed">
                      {offer.service.description}
                    </Text>
                  )}
                  {canOrder && (
                    <Button mt="auto" variant="light" disabled={blockedForDebt} onClick={() => setPending({ kind: 'order', offer })}>
                      {t('services.order')}
                    </Button>
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
      {pending && (
        <ServiceConfirm
          pending={pending}
          onClose={() => setPending(null)}
          onDone={(message) => {
            setPending(null);
            setDone(message);
          }}
        />
      )}
    </Stack>
  );
}

/** States what ordering, keeping or cancelling a service costs, then does it once (one key per dialog). */
function ServiceConfirm({ pending, onClose, onDone }: { pending: Pending; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation('tariffs');
  const { customer, account } = useAccountContext();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const order = useOrderService(customer.customer.id, account.id);
  const cancel = useCancelService(customer.customer.id, account.id);
  const idempotencyKey = useIdempotencyKey();

  if (pending.kind === 'cancel') {
    const { subscription } = pending;
    return (
      <ConfirmModal
        title={t('services.cancelTitle', { name: subscription.serviceName })}
        text={t('services.cancelText', { date: formatDate(pending.endsOn) })}
        confirmLabel={t('services.cancelConfirm')}
        color="red"
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() =>
          cancel.mutate(
            { serviceCode: subscription.serviceCode, idempotencyKey },
            { onSuccess: (result) => onDone(t('services.cancelled', { name: subscription.serviceName, date: formatDate(result.validTo ?? '') })) },
          )
        }
        onClose={onClose}
      />
    );
  }

  const name = pending.kind === 'order' ? pending.offer.service.name : pending.subscription.serviceName;
  const code = pending.kind === 'order' ? pending.offer.service.code : pending.subscription.serviceCode;
  let text: string;
  if (pending.kind === 'resume') {
    text = t('services.resumeText', { price: formatMoney(pending.subscription.monthlyPrice) });
  } else {
    const { terms, service } = pending.offer;
    text =
      terms.days === terms.periodDays
        ? t('services.orderTextFull', { charge: formatMoney(terms.charge), price: formatMoney(service.monthlyPrice) })
        : t('services.orderText', {
            days: terms.days,
            periodDays: terms.periodDays,
            charge: formatMoney(terms.charge),
            price: formatMoney(service.monthlyPrice),
            next: formatDate(terms.nextChargeOn),
          });
  }
  return (
    <ConfirmModal
      title={pending.kind === 'order' ? t('services.orderTitle', { name }) : t('services.resumeTitle', { name })}
      text={text}
      confirmLabel={pending.kind === 'order' ? t('services.orderConfirm') : t('services.resume')}
      pending={order.isPending}
      error={order.error}
      onConfirm={() =>
        order.mutate(
          { serviceCode: code, idempotencyKey },
          { onSuccess: (result) => onDone(result.resumed ? t('services.resumed', { name }) : t('services.ordered', { name })) },
        )
      }
      onClose={onClose}
    />
  );
}
