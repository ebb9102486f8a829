import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyCustomer } from '../../../../api/parties';
import { useMyActivation } from '../../../../api/subscribers';
import { useCurrentCustomer } from '../../../../app/current-customer';
import { PaperButtons } from './PaperButtons';

/** The cabinet's note for each subscriber whose registration waits for the signed papers, with the papers again. */
export function AwaitingActivation() {
  const waiting = useCurrentCustomer().memberships.filter((membership) => membership.status === 'pending' && membership.pendingStep === 'activation');
  if (waiting.length === 0) return null;
  return (
    <Stack gap="md" maw={720}>
      {waiting.map((membership) => (
        <Waiting key={membership.customer.id} membership={membership} />
      ))}
    </Stack>
  );
}

function Waiting({ membership }: { membership: MyCustomer }) {
  const { t } = useTranslation('subscribers');
  const activation = useMyActivation(membership.customer.id);
  const code = activation.data?.subscriberCode;
  return (
    <Alert color="orange" variant="light" title={t('awaiting.title', { name: membership.customer.name })} role="status">
      <Stack gap="sm">
        <Text size="sm">{code ? t('awaiting.textWithCode', { code }) : t('awaiting.text')}</Text>
        <PaperButtons customerId={membership.customer.id} />
      </Stack>
    </Alert>
  );
}
