import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/problem';
import { usePayPublicInvoice, usePublicInvoice, type PublicInvoice } from '../../../api/payments';
import { useFormatDateTime, useFormatMoney } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { DetailsTable } from '../../../components/DetailsTable';
import { NotFoundAlert, PayPage } from './PayPage';
import { LoadingState } from '../../../components/QueryFallback';

/** An invoice's public link (/pay/i/:token): that invoice and «Оплатить», without signing in. */
export function PublicInvoicePage() {
  const { t } = useTranslation('payments');
  const { token = '' } = useParams<'token'>();
  const invoice = usePublicInvoice(token);

  return (
    <PayPage>
      {invoice.isPending ? (
        <LoadingState />
      ) : invoice.isError ? (
        invoice.error instanceof ApiError && invoice.error.status === 404 ? (
          <NotFoundAlert>{t('public.notFound')}</NotFoundAlert>
        ) : (
          <ApiErrorAlert error={invoice.error} title={t('public.notFound')} />
        )
      ) : (
        <InvoiceCard token={token} invoice={invoice.data} />
      )}
    </PayPage>
  );
}

function InvoiceCard({ token, invoice }: { token: string; invoice: PublicInvoice }) {
  const { t } = useTranslation('payments');
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const pay = usePayPublicInvoice(token);
  const [noPage, setNoPage] = useState(false);
  const title = t('public.title', { number: invoice.number });
  const rows = [
    { label: t('public.provider'), value: invoice.providerName },
    { label: t('public.account'), value: invoice.accountNumber },
    { label: t('public.date'), value: formatDateTime(invoice.createdAt) },
  ];

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Title order={1}>{title}</Title>
      <Card withBorder padding="lg">
        <Stack gap="md">
          <Text size="xl" fw={700} data-testid="public-invoice-amount">
            {formatMoney(invoice.amount)}
          </Text>
          <DetailsTable rows={rows} labelWidth="35%" />
          {invoice.status === 'paid' && (
            <Alert color="green" variant="light" role="status">
              {t('public.paid')}
            </Alert>
          )}
          {invoice.status === 'pending' && (
            <Alert color="yellow" variant="light" role="status">
              {t('public.pending')}
            </Alert>
          )}
          {noPage && (
            <Alert color="yellow" variant="light" role="status">
              {t('public.noPage')}
            </Alert>
          )}
          {pay.error && <ApiErrorAlert error={pay.error} title={t('public.failed')} />}
          {invoice.status !== 'paid' && (
            <Button
              loading={pay.isPending}
              onClick={() =>
                pay.mutate(undefined, {
                  onSuccess: (payment) => {
                    if (payment.confirmationUrl) window.location.assign(payment.confirmationUrl);
                    else setNoPage(true);
                  },
                })
              }
            >
              {t('public.pay')}
            </Button>
          )}
        </Stack>
      </Card>
    </>
  );
}
