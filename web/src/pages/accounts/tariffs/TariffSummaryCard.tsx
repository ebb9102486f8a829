import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccountTariff } from '../../../api/tariffs';
import { useFormatDate, useFormatMoney } from '../../../app/format';
import { accountPath } from '../../../app/paths';
import { useAccountContext } from '../AccountPage';

/** The overview's card: the plan, the next charge's date and amount, a scheduled change. */
export function TariffSummaryCard() {
  const { t } = useTranslation('tariffs');
  const { customer, account } = useAccountContext();
  const tariff = useAccountTariff(customer.customer.id, account.id);
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  // Accounts without plans (water, acquiring) have nothing to show here.
  if (!tariff.data || (!tariff.data.current && !tariff.data.nextCharge)) return null;
  const { current, scheduled, nextCharge } = tariff.data;

  return (
    <Card withBorder padding="lg" data-testid="tariff-summary">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('summary.title')}
        </Text>
        <Title order={3} size="h4">
          {current ? `${current.planName} · ${t('perMonth', { amount: formatMoney(current.monthlyPrice) })}` : t('summary.noPlan')}
        </Title>
        {nextCharge && <Text size="sm">{t('summary.nextCharge', { date: formatDate(nextCharge.date), amount: formatMoney(nextCharge.amount) })}</Text>}
        {scheduled && (
          <Text size="sm" c="blue">
            {t('summary.scheduled', { date: formatDate(scheduled.validFrom), name: scheduled.planName })}
          </Text>
        )}
        <Anchor component={Link} to={accountPath(account.id, 'tariff')} size="sm">
          {t('summary.open')}
        </Anchor>
      </Stack>
    </Card>
  );
}
