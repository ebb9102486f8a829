import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface CodeInputProps extends Omit<TextInputProps, 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

/** A one-time code from a message or an authenticator app; the browser may offer it from an SMS. */
export function CodeInput({ value, onChange, label, ...props }: CodeInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label ?? t('code.label')}
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={12}
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...props}
    />
  );
}
