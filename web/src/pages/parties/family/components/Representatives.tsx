import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoveRepresentative, useRepresentatives, type Representative } from '../../../../api/family';
import { useFormatDateTime } from '../../../../app/format';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { ConfirmModal } from '../../../../components/ConfirmModal';

/** On the person's own profile: the relatives who reach it, each removable by the person. */
export function Representatives({ customerId }: { customerId: string }) {
  const { t } = useTranslation('family');
  const formatDateTime = useFormatDateTime();
  const list = useRepresentatives(customerId);
  const remove = useRemoveRepresentative();
  const [removing, setRemoving] = useState<Representative | null>(null);
  const headingId = `representatives-${customerId}`;

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={4} size="h6" id={headingId}>
        {t('representatives.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('representatives.intro')}
      </Text>
      {list.isPending && <Loader size="sm" aria-label={t('common.loading', { ns: 'translation' })} />}
      {list.isError && <ApiErrorAlert error={list.error} title={t('representatives.title')} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Text size="sm">{t('representatives.empty')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={headingId}>
          {list.data.items.map((item) => (
            <Group key={item.userId} component="li" justify="space-between" gap="sm" aria-label={item.name}>
              <div>
                <Text size="sm" fw={600}>
                  {item.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`role.${item.role}`)}
                  {item.relation ? ` · ${t(`relation.${item.relation}`)}` : ''} · {t('representatives.since', { date: formatDateTime(item.since) })}
                </Text>
              </div>
              <Button size="xs" variant="light" color="red" onClick={() => setRemoving(item)}>
                {t('representatives.remove')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {removing && (
        <ConfirmModal
          title={t('representatives.removeTitle', { name: removing.name })}
          text={t('representatives.removeText')}
          confirmLabel={t('representatives.removeConfirm')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate({ customerId, userId: removing.userId }, { onSuccess: () => setRemoving(null) })}
          onClose={() => {
            remove.reset();
            setRemoving(null);
          }}
        />
      )}
    </Stack>
  );
}
