import { Anchor, Badge, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileQueueItem, useProfileQueue } from '../../../../api/family';
import { useFormatDate, useFormatDateTime } from '../../../../app/format';
import { backofficeProfilePath } from '../../../../app/paths';
import { MoreButton } from '../../../../components/MoreButton';
import { customerStatusColor } from './status';

interface QueueResultsProps {
  queue: ReturnType<typeof useProfileQueue>;
  query: string;
}

export function QueueResults({ queue, query }: QueueResultsProps) {
  const { t } = useTranslation('family');
  if (queue.isPending) return <Loader aria-label={t('common.loading', { ns: 'translation' })} />;
  if (queue.isError) throw queue.error;
  const items = queue.data.pages.flatMap((page) => page.items);

  if (items.length === 0) return <Text>{query ? t('backoffice.nothingFound', { query }) : t('backoffice.none')}</Text>;
  return (
    <Stack gap="md">
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('backoffice.results')}>
        {items.map((item) => (
          <QueueCard key={item.id} item={item} />
        ))}
      </Stack>
      <MoreButton query={queue} />
    </Stack>
  );
}

function QueueCard({ item }: { item: ProfileQueueItem }) {
  const { t } = useTranslation('family');
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();

  return (
    <Card withBorder padding="md" component="li" aria-label={item.name}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} miw={0}>
          <Anchor component={Link} to={backofficeProfilePath(item.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.name}
          </Anchor>
          {item.birthDate && <Text size="sm">{t('backoffice.born', { date: formatDate(item.birthDate) })}</Text>}
          {item.addedBy && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('backoffice.addedBy', { name: item.addedBy.name, relation: item.relation ? t(`relation.${item.relation}`).toLowerCase() : '—' })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('backoffice.addedAt', { at: formatDateTime(item.createdAt) })}
          </Text>
        </Stack>
        <Badge color={customerStatusColor[item.status]} variant="light">
          {t(`backoffice.customerStatus.${item.status}`)}
        </Badge>
      </Group>
    </Card>
  );
}
