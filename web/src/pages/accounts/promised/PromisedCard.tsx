import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../api/accounts';
import { usePromisedOverview } from '../../../api/promised';
import { useFormatDateTime, useFormatMoney } from '../../../app/format';

/** The overview's card: the promised payment in effect, or whether one can be taken and why not. */
export function PromisedCard({ customerId, account }: { customerId: string; account: Account }) {
  const { t } = useTranslation('promised');
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const overview = usePromisedOverview(customerId, account.id);
  // Water and other accounts never offered one, with none in the history, get no card.
  if (!overview.data || (!overview.data.rules.enabled && overview.data.history.length === 0)) return null;
  const { current, eligible, amount, rules, reasons, history } = overview.data;
  const last = history[0];

  return (
    <Card withBorder padding="lg" data-testid="promised-card">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('title')}
        </Title>
        {current ? (
          <>
            <Text fw={600}>{t('card.open', { amount: formatMoney(current.amount), until: formatDateTime(current.expiresAt) })}</Text>
            <Text size="sm" c="dimmed">
              {t('card.openHint')}
            </Text>
          </>
        ) : eligible && amount !== null ? (
          <Text>{t('card.available', { amount: formatMoney(amount), days: rules.durationDays })}</Text>
        ) : (
          <>
            <Text c="dimmed">{t('card.unavailable')}</Text>
            <List size="sm">
              {reasons.map((reason) => (
                <List.Item key={reason.code}>{reason.message}</List.Item>
              ))}
            </List>
          </>
        )}
        {!current && last && (
          <Text size="sm" c="dimmed">
            {t('card.lastOne', { amount: formatMoney(last.amount), date: formatDateTime(last.grantedAt) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
