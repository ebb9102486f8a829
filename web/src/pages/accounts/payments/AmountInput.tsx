import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AmountField } from './amount';

/** Rubles with kopecks, as people type them: «1 234,56». */
export function AmountInput(props: NumberInputProps) {
  return <NumberInput decimalScale={2} decimalSeparator="," thousandSeparator=" " allowNegative={false} min={0} hideControls inputMode="decimal" {...props} />;
}

/** The required amount of a payment or an invoice, with its hint and the error: ours when it is out of bounds, else the server's. */
export function PaymentAmountInput({ field, label, serverError }: { field: AmountField; label: string; serverError: string | undefined }) {
  const { t } = useTranslation('payments');
  return (
    <AmountInput
      label={label}
      description={t('pay.amountHint')}
      required
      data-autofocus
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={field.invalid ? t('pay.amountInvalid') : serverError}
    />
  );
}
