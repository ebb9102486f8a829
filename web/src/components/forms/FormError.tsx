import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';

interface FormErrorProps {
  error: Error | null;
  /** Fields shown in the form: their messages appear under them, not here. */
  fields?: readonly string[];
}

/** Why a submitted form was refused, in the server's words; field messages stay under the fields. */
export function FormError({ error, fields = [] }: FormErrorProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const title =
    problem?.title ?? (error instanceof ApiError ? t('errors.unexpected', { status: error.status }) : t('errors.network'));
  const otherFields = (problem?.errors ?? []).filter((item) => !fields.includes(item.field));

  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {problem?.detail && <Text size="sm">{problem.detail}</Text>}
      {otherFields.map((item) => (
        <Text key={`${item.field}:${item.code}`} size="sm">
          {item.message}
        </Text>
      ))}
    </Alert>
  );
}
