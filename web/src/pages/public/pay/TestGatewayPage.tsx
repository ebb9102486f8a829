import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDecideTestGatewayPayment, useTestGatewayPayment, type TestGatewayPayment } from '../../../api/payments';
import { useFormatMoney } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DetailsTable } from '../../../components/DetailsTable';
import { NotFoundAlert, PayPage } from './PayPage';
import { LoadingState } from '../../../components/QueryFallback';

/**
 * The built-in test gateway's payment page (/pay/test/:gatewayPaymentId): what a payer sees at a
 * real gateway, reduced to «Оплатить» and «Отменить». Either sends the payer back where they came from.
 */
export function TestGatewayPage() {
  const { t } = useTranslation('payments');
  const { gatewayPaymentId = '' } = useParams<'gatewayPaymentId'>();
  const payment = useTestGatewayPayment(gatewayPaymentId);

  return (
    <PayPage title={t('testGateway.title')} maw={520}>
      {payment.isPending ? (
        <LoadingState />
      ) : payment.isError ? (
        <NotFoundAlert>{t('testGateway.notFound')}</NotFoundAlert>
      ) : (
        <TestPayment gatewayPaymentId={gatewayPaymentId} payment={payment.data} />
      )}
    </PayPage>
  );
}

function TestPayment({ gatewayPaymentId, payment }: { gatewayPaymentId: string; payment: TestGatewayPayment }) {
  const { t } = useTranslation('payments');
  const formatMoney = useFormatMoney();
  const decide = useDecideTestGatewayPayment(gatewayPaymentId);
  const rows = [
    { label: t('testGateway.provider'), value: payment.providerName },
    { label: t('testGateway.purpose'), value: payment.description },
  ];
  const back = () => window.location.assign(payment.returnUrl);

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('testGateway.intro')}
        </Text>
        <Text size="xl" fw={700} data-testid="test-gateway-amount">
          {formatMoney(payment.amount)}
        </Text>
        <DetailsTable rows={rows} labelWidth="35%" />
        {decide.error && <ApiErrorAlert error={decide.error} title={t('testGateway.failed')} />}
        {payment.status === 'pending' ? (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" loading={decide.isPending && decide.variables === 'cancel'} disabled={decide.isPending} onClick={() => decide.mutate('cancel', { onSuccess: back })}>
              {t('testGateway.cancel')}
            </Button>
            <Button loading={decide.isPending && decide.variables === 'pay'} disabled={decide.isPending} onClick={() => decide.mutate('pay', { onSuccess: back })}>
              {t('testGateway.pay')}
            </Button>
          </Group>
        ) : (
          <>
            <Alert color={payment.status === 'succeeded' ? 'green' : 'gray'} variant="light" role="status">
              {payment.status === 'succeeded' ? t('testGateway.succeeded') : t('testGateway.canceled')}
            </Alert>
            <Group justify="flex-end">
              <Button variant="light" onClick={back}>
                {t('testGateway.back')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
