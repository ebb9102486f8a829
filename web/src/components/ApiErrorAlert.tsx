import { Alert, Button, Text, type AlertProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

interface ApiErrorAlertProps extends Omit<AlertProps, 'title'> {
  error: Error;
  /** What failed, in the reader's words; the server's problem title explains why. */
  title: string;
  onRetry?: () => void;
}

export function ApiErrorAlert({ error, title, onRetry, ...alertProps }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : undefined;
  const reason =
    problem?.title ?? (error instanceof ApiError ? t('errors.unexpected', { status: error.status }) : t('errors.network'));

  return (
    <Alert color="red" variant="light" title={title} role="alert" {...alertProps}>
      <Text size="sm">{reason}</Text>
      {problem?.detail && (
        <Text size="sm" mt={4}>
          {problem.detail}
        </Text>
      )}
      {onRetry && (
        <Button size="xs" variant="white" color="red" mt="sm" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
