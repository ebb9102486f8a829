import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChangePlan, type AccountTariff, type ChangeResult, type PlanOffer } from '../../../../api/tariffs';
import { useFormatDate, useFormatMoney } from '../../../../app/format';
import { FormError } from '../../../../components/forms/FormError';
import { DetailsTable } from '../../../../components/DetailsTable';
import { useIdempotencyKey } from '../../../../api/idempotency';

interface ChangePlanModalProps {
  customerId: string;
  accountId: string;
  offer: PlanOffer & { terms: NonNullable<PlanOffer['terms']> };
  tariff: AccountTariff;
  onDone: (result: ChangeResult) => void;
  onClose: () => void;
}

/** The rules of the change and the money it moves today, said before it is confirmed. */
export function ChangePlanModal({ customerId, accountId, offer, tariff, onDone, onClose }: ChangePlanModalProps) {
  const { t } = useTranslation('tariffs');
  const { t: tc } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const change = useChangePlan(customerId, accountId);
  // One key per dialog: a double click or a retried request changes the plan once.
  const idempotencyKey = useIdempotencyKey();
  const { plan, terms } = offer;
  const currentName = tariff.current?.planName ?? '';
  const immediate = terms.mode === 'immediate';

  const rows = [
    { label: t('change.effectiveFrom'), value: formatDate(terms.effectiveFrom) },
    { label: t('change.monthly'), value: t('perMonth', { amount: formatMoney(plan.monthlyPrice) }) },
    ...(immediate
      ? [
          { label: t('change.credit'), value: formatMoney(terms.credit) },
          { label: t('change.charge'), value: formatMoney(terms.charge) },
          { label: t('change.total'), value: formatMoney(terms.charge - terms.credit), strong: true },
        ]
      : [{ label: t('change.charge'), value: t('change.nothingNow') }]),
  ];

  return (
    <Modal opened onClose={onClose} title={t('change.title', { name: plan.name })} centered>
      <Stack gap="md">
        <Text size="sm">
          {immediate
            ? t('change.immediateRule', { date: formatDate(terms.effectiveFrom), days: terms.days, periodDays: terms.periodDays, current: currentName })
            : t('change.nextPeriodRule', { date: formatDate(terms.effectiveFrom), current: currentName })}
        </Text>
        <DetailsTable rows={rows} labelWidth="55%" aria-label={t('change.title', { name: plan.name })} />
        {tariff.scheduled && (
          <Alert variant="light" color="yellow">
            {t('change.replacesScheduled', { name: tariff.scheduled.planName })}
          </Alert>
        )}
        <FormError error={change.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button loading={change.isPending} onClick={() => change.mutate({ planCode: plan.code, idempotencyKey }, { onSuccess: onDone })}>
            {t('change.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
