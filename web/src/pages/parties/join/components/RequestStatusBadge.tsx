import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyJoinRequest } from '../../../../api/employees';

const colors = { pending: 'yellow', approved: 'teal', rejected: 'red', withdrawn: 'gray' } as const;

export function RequestStatusBadge({ status }: { status: MyJoinRequest['status'] }) {
  const { t } = useTranslation('employees');
  return (
    <Badge color={colors[status]} variant="light">
      {t(`requestStatus.${status}`)}
    </Badge>
  );
}
