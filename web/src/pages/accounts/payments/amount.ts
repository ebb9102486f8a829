import { useState } from 'react';

/** Rubles typed into a NumberInput as whole kopecks; undefined when empty or not a number. */
export function toKopecks(value: string | number): number | undefined {
  const rubles = typeof value === 'number' ? value : Number(value.replace(/\s/g, '').replace(',', '.'));
  if (value === '' || !Number.isFinite(rubles)) return undefined;
  return Math.round(rubles * 100);
}

export const MIN_KOPECKS = 100;
export const MAX_KOPECKS = 100_000_000;

export function kopecksAllowed(kopecks: number | undefined): kopecks is number {
  return kopecks !== undefined && kopecks >= MIN_KOPECKS && kopecks <= MAX_KOPECKS;
}

export interface AmountField {
  value: string | number;
  onChange: (value: string | number) => void;
  onBlur: () => void;
  /** Touched and not an allowed amount. */
  invalid: boolean;
  /** On submit: marks the field touched and gives the amount in kopecks, or undefined when it is not allowed. */
  submitted: () => number | undefined;
}

/** The amount of «Оплатить» and «Выставить счёт»: prefilled with the debt, if there is one (what people usually pay); checked once touched. */
export function useAmountField(balance: number): AmountField {
  const [value, setValue] = useState<string | number>(balance < 0 ? -balance / 100 : '');
  const [touched, setTouched] = useState(false);
  const kopecks = toKopecks(value);
  const allowed = kopecksAllowed(kopecks);
  return {
    value,
    onChange: setValue,
    onBlur: () => setTouched(true),
    invalid: touched && !allowed,
    submitted: () => {
      setTouched(true);
      return allowed ? kopecks : undefined;
    },
  };
}
