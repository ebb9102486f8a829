import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerSession } from '../../../../api/backoffice';
import { describeDevice } from '../../../../app/device';
import { useFormatDateTime } from '../../../../app/format';

export function CustomerSessions({ sessions }: { sessions: CustomerSession[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();

  return (
    <Stack gap="sm" component="section" aria-labelledby="customer-sessions-heading">
      <Title order={2} size="h4" id="customer-sessions-heading">
        {t('backoffice.user.sessions')}
      </Title>
      {sessions.length === 0 ? (
        <Text c="dimmed">{t('backoffice.user.noSessions')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('backoffice.user.sessions')}>
          {sessions.map((session) => (
            <Card key={session.id} withBorder padding="sm" component="li">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {session.userAgent ? describeDevice(session.userAgent) : t('settings.sessions.unknownDevice')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('settings.sessions.ip', { ip: session.ip ?? t('settings.sessions.unknownIp') })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('settings.sessions.times', {
                  created: formatDateTime(session.createdAt),
                  seen: formatDateTime(session.lastSeenAt),
                })}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
