import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../api/accounts';
import type { MyCustomer } from '../../../api/parties';
import { useCreatePayment } from '../../../api/payments';
import { fieldErrorsOf } from '../../../api/problem';
import { useFormatMoney } from '../../../app/format';
import { FormError } from '../../../components/forms/FormError';
import { PaymentAmountInput } from './AmountInput';
import { useAmountField } from './amount';
import { useIdempotencyKey } from '../../../api/idempotency';

/** «Оплатить» under the balance, for members who may pay: the amount, then the gateway's page. */
export function PayAction({ customer, account }: { customer: MyCustomer; account: Account }) {
  const { t } = useTranslation('payments');
  const [opened, setOpened] = useState(false);
  if (!customer.permissions.includes('pay')) return null;
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('pay.button')}</Button>
      {opened && <PayModal customerId={customer.customer.id} account={account} onClose={() => setOpened(false)} />}
    </>
  );
}

function PayModal({ customerId, account, onClose }: { customerId: string; account: Account; onClose: () => void }) {
  const { t } = useTranslation('payments');
  const { t: tc } = useTranslation();
  const formatMoney = useFormatMoney();
  const create = useCreatePayment(customerId, account.id);
  const amount = useAmountField(account.balance);
  // One key per modal: a double click or a retried request creates one payment.
  const idempotencyKey = useIdempotencyKey();
  const [noPage, setNoPage] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const kopecks = amount.submitted();
    if (kopecks === undefined) return;
    create.mutate(
      { amount: kopecks, idempotencyKey },
      {
        onSuccess: (payment) => {
          if (payment.confirmationUrl) window.location.assign(payment.confirmationUrl);
          else setNoPage(true);
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('pay.title', { number: account.number })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('pay.intro')}</Text>
          {account.balance < 0 && (
            <Text size="sm" c="red">
              {t('pay.debt', { amount: formatMoney(-account.balance) })}
            </Text>
          )}
          <FormError error={create.error} fields={['amount']} />
          {noPage && (
            <Alert color="yellow" variant="light" role="status">
              {t('pay.noPage')}
            </Alert>
          )}
          <PaymentAmountInput field={amount} label={t('pay.amount')} serverError={fieldErrorsOf(create.error).amount} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={noPage}>
              {t('pay.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
