import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePublicPaymentStatus } from '../../../api/payments';
import { useFormatMoney } from '../../../app/format';
import { NotFoundAlert, PayPage } from './PayPage';
import { LoadingState } from '../../../components/QueryFallback';

const colors = { succeeded: 'green', pending: 'yellow', canceled: 'gray' } as const;

/** Where the gateway sends an invoice's payer back (/pay/done/:ownerId/:paymentId): that payment's outcome only. */
export function PaymentDonePage() {
  const { t } = useTranslation('payments');
  const formatMoney = useFormatMoney();
  const { ownerId = '', paymentId = '' } = useParams<'ownerId' | 'paymentId'>();
  const payment = usePublicPaymentStatus(ownerId, paymentId);

  return (
    <PayPage title={t('done.title')}>
      {payment.isPending ? (
        <LoadingState />
      ) : payment.isError ? (
        <NotFoundAlert>{t('done.notFound')}</NotFoundAlert>
      ) : (
        <Alert color={colors[payment.data.status]} variant="light" role="status" data-testid="payment-notice">
          {t(`done.${payment.data.status}`, { amount: formatMoney(payment.data.amount) })}
        </Alert>
      )}
    </PayPage>
  );
}
