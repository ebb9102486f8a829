import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface NewPasswordInputProps extends Omit<PasswordInputProps, 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

/** A password being chosen: the rules are the server's — length and a list of common passwords. */
export function NewPasswordInput({ value, onChange, label, ...props }: NewPasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={label ?? t('password.new')}
      description={t('password.rules')}
      autoComplete="new-password"
      required
      minLength={8}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...props}
    />
  );
}
