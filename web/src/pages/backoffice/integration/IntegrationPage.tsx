import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { DeliveriesSection } from './components/DeliveriesSection';
import { TokensSection } from './components/TokensSection';
import { WebhooksSection } from './components/WebhooksSection';

type Tab = 'tokens' | 'webhooks' | 'deliveries';

/** Administrators: API tokens for the provider's systems, webhook endpoints and what was sent to them. */
export function IntegrationPage() {
  const { t } = useTranslation('integration');
  const { t: tc } = useTranslation();
  const [tab, setTab] = useState<Tab>('tokens');
  const [endpointFilter, setEndpointFilter] = useState<string | undefined>();

  return (
    <Stack gap="lg">
      <PageTitle>{`${t('title')} — ${tc('backoffice.title')}`}</PageTitle>
      <Title order={2} size="h3">
        {t('title')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('intro')}
      </Text>
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'tokens')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="tokens">{t('tabs.tokens')}</Tabs.Tab>
          <Tabs.Tab value="webhooks">{t('tabs.webhooks')}</Tabs.Tab>
          <Tabs.Tab value="deliveries">{t('tabs.deliveries')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tokens" pt="md">
          <TokensSection />
        </Tabs.Panel>
        <Tabs.Panel value="webhooks" pt="md">
          <WebhooksSection
            onShowDeliveries={(endpointId) => {
              setEndpointFilter(endpointId);
              setTab('deliveries');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="deliveries" pt="md">
          <DeliveriesSection endpointId={endpointFilter} onEndpointChange={setEndpointFilter} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
