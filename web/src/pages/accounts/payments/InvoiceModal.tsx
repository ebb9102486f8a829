import { Alert, Anchor, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../api/accounts';
import { invoicePdfUrl, useCreateInvoice, type CreatedInvoice } from '../../../api/payments';
import { fieldErrorsOf } from '../../../api/problem';
import { FormError } from '../../../components/forms/FormError';
import { PaymentAmountInput } from './AmountInput';
import { useAmountField } from './amount';
import { useIdempotencyKey } from '../../../api/idempotency';

/** «Выставить счёт»: the amount, then the PDF to download and the payment link to copy (shown once). */
export function InvoiceModal({ customerId, account, onClose }: { customerId: string; account: Account; onClose: () => void }) {
  const { t } = useTranslation('payments');
  const { t: tc } = useTranslation();
  const create = useCreateInvoice(customerId, account.id);
  const amount = useAmountField(account.balance);
  const idempotencyKey = useIdempotencyKey();
  const [created, setCreated] = useState<CreatedInvoice | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const kopecks = amount.submitted();
    if (kopecks === undefined) return;
    create.mutate({ amount: kopecks, idempotencyKey }, { onSuccess: setCreated });
  }

  if (created) {
    return (
      <Modal opened onClose={onClose} title={t('invoice.title')} centered>
        <Stack gap="md">
          <Alert color="green" variant="light" role="status" title={t('invoice.created', { number: created.invoice.number })}>
            <Anchor href={invoicePdfUrl(customerId, account.id, created.invoice.id)} download>
              {t('invoice.download')}
            </Anchor>
          </Alert>
          <TextInput label={t('invoice.link')} description={t('invoice.linkHint')} value={created.link} readOnly onFocus={(event) => event.currentTarget.select()} data-testid="invoice-link" />
          <Group justify="flex-end" gap="sm">
            <CopyButton value={created.link}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('invoice.copied') : t('invoice.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('invoice.close')}</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('invoice.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('invoice.intro')}</Text>
          <FormError error={create.error} fields={['amount']} />
          <PaymentAmountInput field={amount} label={t('invoice.amount')} serverError={fieldErrorsOf(create.error).amount} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('invoice.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
