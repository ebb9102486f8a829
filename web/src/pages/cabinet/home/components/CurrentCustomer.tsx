import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomer, type MyCustomer } from '../../../../api/parties';
import { useCurrentCustomer } from '../../../../app/current-customer';
import { paths } from '../../../../app/paths';
import { LinkCard } from '../../../../components/LinkCard';

/** Whom the user acts for now, with its status; or, for someone who acts for nobody yet, the ways in. */
export function CurrentCustomer() {
  const { t } = useTranslation('parties');
  const { current, memberships, isPending } = useCurrentCustomer();
  const customer = useCustomer(current?.customer.id);

  if (isPending) return <Skeleton h={120} maw={720} />;
  if (!current) return memberships.length === 0 ? <WaysIn /> : <Waiting memberships={memberships} />;

  const details = customer.data;
  return (
    <Card withBorder padding="lg" maw={720} component="section" aria-labelledby="current-customer-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              {t(`customerKind.${current.customer.kind}`)} · {t(`roles.${current.role}`)}
            </Text>
            <Title order={2} size="h3" id="current-customer-heading">
              {current.customer.name}
            </Title>
          </div>
          <Badge variant="light" color={current.customer.status === 'active' ? 'green' : current.customer.status === 'pending' ? 'yellow' : 'red'}>
            {t(`customerStatus.${current.customer.status}`)}
          </Badge>
        </Group>
        {details?.inn && (
          <Text size="sm">
            {t('cabinet.taxIds', { inn: details.inn })}
            {details.kpp ? ` · ${t('cabinet.kpp', { kpp: details.kpp })}` : ''}
          </Text>
        )}
        {current.customer.status === 'pending' && <Alert color="yellow">{t('cabinet.pending')}</Alert>}
        {(current.customer.status === 'blocked' || current.customer.status === 'rejected') && (
          <Alert color="red" title={t(`cabinet.${current.customer.status}`)}>
            {details?.statusReason}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** Memberships that are not usable yet: what each waits for, and where to follow it. */
function Waiting({ memberships }: { memberships: MyCustomer[] }) {
  const { t } = useTranslation('parties');
  const followAt = { join_approval: paths.joinCompany, verification: paths.family, activation: null } as const;
  const waiting = memberships.filter((membership) => membership.status === 'pending' && membership.pendingStep && followAt[membership.pendingStep]);
  if (waiting.length === 0) return null;
  return (
    <Alert color="yellow" title={t('cabinet.waiting')} maw={720}>
      <Stack gap={4}>
        {waiting.map((membership) => (
          <Group key={membership.customer.id} gap="xs">
            <Anchor component={Link} to={followAt[membership.pendingStep!]!} size="sm">
              {membership.customer.name}
            </Anchor>
            <Badge size="xs" variant="light" color="yellow">
              {t(`pendingStep.${membership.pendingStep!}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

const ways = [
  { key: 'company', to: paths.business },
  { key: 'join', to: paths.joinCompany },
  { key: 'subscriber', to: paths.businessSubscriber },
  { key: 'family', to: paths.family },
] as const;

function WaysIn() {
  const { t } = useTranslation('parties');
  return (
    <section aria-labelledby="ways-in-heading">
      <Title order={2} size="h3" id="ways-in-heading" mb="xs">
        {t('cabinet.waysIn.title')}
      </Title>
      <Text c="dimmed" mb="md" maw={720}>
        {t('cabinet.waysIn.text')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" maw={960}>
        {ways.map((way) => (
          <LinkCard
            key={way.key}
            title={t(`cabinet.waysIn.${way.key}.title`)}
            text={t(`cabinet.waysIn.${way.key}.text`)}
            action={t(`cabinet.waysIn.${way.key}.action`)}
            to={way.to}
          />
        ))}
      </SimpleGrid>
    </section>
  );
}
