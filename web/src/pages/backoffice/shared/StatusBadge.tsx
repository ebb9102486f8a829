import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: 'active' | 'blocked' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'blocked' ? 'red' : 'teal'} variant="light">
      {t(`backoffice.status.${status}`)}
    </Badge>
  );
}
