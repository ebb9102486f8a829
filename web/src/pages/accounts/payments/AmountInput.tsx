import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Rubles with kopecks, as people type them: «1 234,56». */
export function AmountInput(props: NumberInputProps) {
  return <NumberInput decimalScale={2} decimalSeparator="," thousandSeparator=" " allowNegative={false} min={0} hideControls inputMode="decimal" {...props} />;
}
