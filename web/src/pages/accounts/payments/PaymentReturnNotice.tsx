import { Alert } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { accountsKeys, type Account } from '../../../api/accounts';
import { useInvalidate } from '../../../api/invalidate';
import type { MyCustomer } from '../../../api/parties';
import { useAccountPayment } from '../../../api/payments';
import { useFormatMoney } from '../../../app/format';

const colors = { succeeded: 'green', pending: 'yellow', canceled: 'gray' } as const;

/**
 * Back from the gateway's page (`?payment=<id>`): «Платёж принят» or «Ожидает подтверждения»,
 * asked again every few seconds until the gateway has said; then the balance is refreshed.
 */
export function PaymentReturnNotice({ customer, account }: { customer: MyCustomer; account: Account }) {
  const { t } = useTranslation('payments');
  const formatMoney = useFormatMoney();
  const [params, setParams] = useSearchParams();
  const paymentId = params.get('payment');
  const payment = useAccountPayment(customer.customer.id, account.id, paymentId);
  const status = payment.data?.status;
  const refreshAccount = useInvalidate(accountsKeys.account(customer.customer.id, account.id), accountsKeys.list(customer.customer.id));

  useEffect(() => {
    if (status === 'succeeded') void refreshAccount();
    // Once per outcome, not per render.
  }, [status]);

  if (!paymentId || !payment.data || !status) return null;
  const amount = formatMoney(payment.data.amount);
  const close = () =>
    setParams(
      (current) => {
        current.delete('payment');
        return current;
      },
      { replace: true },
    );
  return (
    <Alert color={colors[status]} variant="light" role="status" title={t(`notice.${status}`)} withCloseButton closeButtonLabel={t('notice.close')} onClose={close} data-testid="payment-notice">
      {t(`notice.${status}Text`, { amount })}
    </Alert>
  );
}
