import { Button, Card, SimpleGrid, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../../app/paths';

const entries = [
  { key: 'login', to: paths.login, variant: 'filled' },
  { key: 'register', to: paths.register, variant: 'light' },
  { key: 'business', to: paths.business, variant: 'light' },
] as const;

export function EntryPoints() {
  const { t } = useTranslation();

  return (
    <section aria-labelledby="entry-points-heading">
      <VisuallyHidden>
        <h2 id="entry-points-heading">{t('home.entryPoints')}</h2>
      </VisuallyHidden>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        {entries.map((entry) => (
          <Card key={entry.key} withBorder padding="lg" display="flex" style={{ flexDirection: 'column' }}>
            <Title order={3} size="h4">
              {t(`home.${entry.key}.title`)}
            </Title>
            <Text size="sm" c="dimmed" mt="xs" mb="md" flex={1}>
              {t(`home.${entry.key}.text`)}
            </Text>
            <Button component={Link} to={entry.to} variant={entry.variant} fullWidth>
              {t(`home.${entry.key}.action`)}
            </Button>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
