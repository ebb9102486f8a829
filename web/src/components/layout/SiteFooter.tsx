import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicSettings } from '../../api/settings';

interface SiteFooterProps {
  settings: PublicSettings | undefined;
}

/** `tel:` wants the number without spaces and dashes; a leading + is kept. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function SiteFooter({ settings }: SiteFooterProps) {
  const { t } = useTranslation();
  const phones = settings?.supportPhones ?? [];
  const email = settings?.supportEmail;
  const hours = settings?.supportHours;

  return (
    <Box
      component="footer"
      aria-label={t('footer.label')}
      py="lg" bg="gray.0"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size="lg">
        <Group gap="xl" align="flex-start">
          {phones.length > 0 && (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('footer.phones')}
              </Text>
              {phones.map((phone) => (
                <Anchor key={phone} href={telHref(phone)} fw={600}>
                  {phone}
                </Anchor>
              ))}
            </Stack>
          )}
          {email && (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('footer.email')}
              </Text>
              <Anchor href={`mailto:${email}`}>{email}</Anchor>
            </Stack>
          )}
          {hours && (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('footer.hours')}
              </Text>
              <Text size="sm">{hours}</Text>
            </Stack>
          )}
          {settings && (
            <Text size="sm" c="dimmed" ml={{ sm: 'auto' }}>
              © {settings.name}
            </Text>
          )}
        </Group>
      </Container>
    </Box>
  );
}
