import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoicePdfUrl, useAccountInvoices, useAccountPayments } from '../../../api/payments';
import { useFormatDateTime, useFormatMoney } from '../../../app/format';
import { useAccountContext } from '../AccountPage';
import { InvoiceModal } from './InvoiceModal';
import { PaymentStatusBadge } from './PaymentStatusBadge';
import { QueryFallback } from '../../../components/QueryFallback';
import { DataTable } from '../../../components/DataTable';

/** «Платежи»: the account's online payments with their statuses, and its invoices with «Выставить счёт». */
export function PaymentsTab() {
  const { t } = useTranslation('payments');
  const { customer, account } = useAccountContext();
  const customerId = customer.customer.id;
  const payments = useAccountPayments(customerId, account.id);
  const invoices = useAccountInvoices(customerId, account.id);
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const [issuing, setIssuing] = useState(false);
  const mayIssue = customer.permissions.includes('documents');

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('list.title')}
        </Title>
        {!payments.isSuccess ? (
          <QueryFallback query={payments} errorTitle={t('list.loadFailed')} />
        ) : payments.data.items.length === 0 ? (
          <Alert variant="light">{t('list.empty')}</Alert>
        ) : (
          <DataTable
            aria-label={t('list.title')}
            minWidth={560}
            columns={[t('list.date'), { label: t('list.amount'), align: 'right' }, t('list.status'), t('list.description')]}
          >
            {payments.data.items.map((payment) => (
              <Table.Tr key={payment.id} data-testid="payment-row">
                <Table.Td>{formatDateTime(payment.createdAt)}</Table.Td>
                <Table.Td ta="right">{formatMoney(payment.amount)}</Table.Td>
                <Table.Td>
                  <PaymentStatusBadge status={payment.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{payment.description}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('invoice.listTitle')}
          </Title>
          {mayIssue && (
            <Button variant="light" onClick={() => setIssuing(true)}>
              {t('invoice.button')}
            </Button>
          )}
        </Group>
        {!invoices.isSuccess ? (
          <QueryFallback query={invoices} errorTitle={t('invoice.loadFailed')} />
        ) : invoices.data.items.length === 0 ? (
          <Alert variant="light">{t('invoice.empty')}</Alert>
        ) : (
          <DataTable
            aria-label={t('invoice.listTitle')}
            minWidth={560}
            columns={[t('invoice.number'), t('invoice.date'), { label: t('invoice.amountColumn'), align: 'right' }, t('invoice.state'), '']}
          >
            {invoices.data.items.map((invoice) => (
              <Table.Tr key={invoice.id}>
                <Table.Td>{invoice.number}</Table.Td>
                <Table.Td>{formatDateTime(invoice.createdAt)}</Table.Td>
                <Table.Td ta="right">{formatMoney(invoice.amount)}</Table.Td>
                <Table.Td>
                  <Badge color={invoice.paidAt ? 'green' : 'gray'} variant="light">
                    {invoice.paidAt ? t('invoice.paid') : t('invoice.unpaid')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {mayIssue && (
                    <Anchor href={invoicePdfUrl(customerId, account.id, invoice.id)} download size="sm">
                      {t('invoice.pdf')}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
      {issuing && <InvoiceModal customerId={customerId} account={account} onClose={() => setIssuing(false)} />}
    </Stack>
  );
}
