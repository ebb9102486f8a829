import { Alert, Button, Group, List, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../api/accounts';
import type { MyCustomer } from '../../../api/parties';
import { useGrantPromisedPayment, usePromisedOverview, type PromisedOverview, type PromisedPayment } from '../../../api/promised';
import { useFormatDateTime, useFormatMoney } from '../../../app/format';
import { FormError } from '../../../components/forms/FormError';
import { DetailsTable } from '../../../components/DetailsTable';
import { useIdempotencyKey } from '../../../api/idempotency';

/** «Обещанный платёж» under the balance: for those who may pay; disabled with the reason when not available. */
export function PromisedAction({ customer, account }: { customer: MyCustomer; account: Account }) {
  const { t } = useTranslation('promised');
  const overview = usePromisedOverview(customer.customer.id, account.id);
  const [opened, setOpened] = useState(false);
  if (!customer.permissions.includes('pay') || !overview.data) return null;
  const data = overview.data;
  // The first reason is what stands in the way; all of them are in the modal.
  const why = data.eligible ? null : (data.reasons[0]?.message ?? null);

  return (
    <>
      <Tooltip label={why} disabled={why === null} multiline maw={320}>
        {/* Looks disabled but still opens the rules and every reason; the button inside takes nothing. */}
        <Button variant="light" onClick={() => setOpened(true)} data-disabled={why !== null || undefined} aria-label={why ? `${t('button')}: ${why}` : undefined}>
          {t('button')}
        </Button>
      </Tooltip>
      {opened && <PromisedModal customerId={customer.customer.id} account={account} overview={data} onClose={() => setOpened(false)} />}
    </>
  );
}

function PromisedModal({ customerId, account, overview, onClose }: { customerId: string; account: Account; overview: PromisedOverview; onClose: () => void }) {
  const { t } = useTranslation('promised');
  const { t: tc } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const grant = useGrantPromisedPayment(customerId, account.id);
  // One key per modal: a second click or a retried request gets the first answer, not a second credit.
  const idempotencyKey = useIdempotencyKey();
  const [granted, setGranted] = useState<PromisedPayment | null>(null);
  const { rules } = overview;

  const rows = [
    ...(overview.amount !== null ? [{ label: t('modal.amount'), value: formatMoney(overview.amount) }] : []),
    ...(overview.expiresAt ? [{ label: t('modal.until'), value: formatDateTime(overview.expiresAt) }] : []),
    {
      label: t('modal.limit'),
      value: rules.limitKind === 'days' ? t('modal.limitDays', { amount: formatMoney(rules.accountLimit), days: rules.maxDays }) : formatMoney(rules.accountLimit),
    },
    { label: t('modal.howOften'), value: rules.minIntervalDays > 0 ? t('modal.howOftenValue', { count: rules.minIntervalDays }) : t('modal.howOftenAny') },
  ];

  return (
    <Modal opened onClose={onClose} title={t('title')} centered>
      <Stack gap="md">
        {granted ? (
          <Alert color="green" variant="light" role="status">
            {t('taken', { amount: formatMoney(granted.amount), until: formatDateTime(granted.expiresAt) })}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('modal.intro')}</Text>
            <DetailsTable rows={rows} labelWidth="45%" />
            {!overview.eligible && (
              <Alert color="yellow" variant="light" title={t('modal.notAvailable')}>
                <List size="sm">
                  {overview.reasons.map((reason) => (
                    <List.Item key={reason.code}>{reason.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <FormError error={grant.error} />
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {granted ? t('close') : tc('common.cancel')}
          </Button>
          {!granted && (
            <Button disabled={!overview.eligible} loading={grant.isPending} onClick={() => grant.mutate(idempotencyKey, { onSuccess: setGranted })}>
              {t('take')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
