import { Anchor, Badge, Button, Drawer, FileInput, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../../api/problem';
import { scanUrl, useActivation, useReceivePapers, useRejectActivation, type ActivationDetail } from '../../../../api/subscribers';
import { useFormatDateTime } from '../../../../app/format';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { FormError } from '../../../../components/forms/FormError';
import { RejectModal } from './RejectModal';

/** The audit events of a registration, keyed as the catalog names them. */
const eventKeys = {
  'subscriber.registered': 'registered',
  'subscriber.activated': 'activated',
  'subscriber.rejected': 'rejected',
} as const;

function eventKey(event: string): (typeof eventKeys)[keyof typeof eventKeys] | undefined {
  return Object.hasOwn(eventKeys, event) ? eventKeys[event as keyof typeof eventKeys] : undefined;
}

const statusColor = { awaiting_papers: 'orange', activated: 'teal', rejected: 'red' } as const;
const SCAN_MAX = 10 * 1024 * 1024;

/** One registration in full: the subscriber, the account, the person, the scan, and who decided what. */
export function ActivationDrawer({ subscriberId, id, onClose }: { subscriberId: string; id: string; onClose: () => void }) {
  const { t } = useTranslation('subscribers');
  const activation = useActivation(subscriberId, id);

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={t('detail.title')}>
      {activation.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : activation.isError ? (
        <ApiErrorAlert error={activation.error} title={t('detail.failed')} onRetry={() => void activation.refetch()} />
      ) : (
        <Detail activation={activation.data} />
      )}
    </Drawer>
  );
}

function Detail({ activation }: { activation: ActivationDetail }) {
  const { t } = useTranslation('subscribers');
  const formatDateTime = useFormatDateTime();
  const { customer, account, user } = activation;

  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Badge color={statusColor[activation.status]} variant="light">
          {t(`queue.statuses.${activation.status}`)}
        </Badge>
      </Group>
      <Stack gap={2}>
        <Text fw={600}>{customer.name}</Text>
        {customer.inn && (
          <Text size="sm" c="dimmed">
            {customer.kpp ? t('queue.taxIdWithKpp', { inn: customer.inn, kpp: customer.kpp }) : t('queue.taxId', { inn: customer.inn })}
          </Text>
        )}
      </Stack>
      <Stack gap={2}>
        <Text size="sm">{t('queue.code', { code: account.subscriberCode ?? '—' })}</Text>
        <Text size="sm">{t('detail.account', { number: account.number })}</Text>
        {account.contractNumber && <Text size="sm">{t('detail.contract', { contract: account.contractNumber })}</Text>}
        {account.address && <Text size="sm">{t('detail.address', { address: account.address })}</Text>}
      </Stack>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('queue.user')}
        </Text>
        <Text>{user.name}</Text>
        <Text size="sm">{user.email}</Text>
      </Stack>
      {activation.reason && <Text size="sm">{t('detail.reason', { reason: activation.reason })}</Text>}
      {activation.scan && (
        <Text size="sm">
          <Anchor href={scanUrl(activation.subscriberId, activation.id)} download>
            {t('detail.scan', { name: activation.scan.name, size: Math.max(1, Math.round(activation.scan.size / 1024)) })}
          </Anchor>
        </Text>
      )}
      {activation.status === 'awaiting_papers' && <Decide activation={activation} />}
      <section aria-labelledby="activation-trail">
        <Title order={3} size="h5" id="activation-trail" mb="sm">
          {t('detail.trail')}
        </Title>
        <Timeline bulletSize={12} lineWidth={2}>
          {activation.trail.map((event) => (
            <Timeline.Item key={event.id} title={eventKey(event.event) ? t(`detail.events.${eventKey(event.event)!}`) : event.event}>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at)}
                {event.actor ? ` · ${event.actor.name}` : ''}
              </Text>
              {event.reason && <Text size="sm">{t('detail.reason', { reason: event.reason })}</Text>}
              {event.scanName && <Text size="sm">{t('detail.scanAttached', { name: event.scanName })}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </section>
    </Stack>
  );
}

/** «Документы получены» (with the scan, if the papers came by email) or «Отклонить» with a reason. */
function Decide({ activation }: { activation: ActivationDetail }) {
  const { t } = useTranslation('subscribers');
  const receive = useReceivePapers();
  const reject = useRejectActivation();
  const [scan, setScan] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const key = { subscriberId: activation.subscriberId, id: activation.id };

  return (
    <Stack gap="sm">
      <FormError error={receive.error} fields={['scan']} />
      <FileInput
        label={t('detail.scanLabel')}
        description={t('detail.scanHint')}
        placeholder={t('detail.scanPlaceholder')}
        accept="application/pdf,image/jpeg,image/png"
        clearable
        value={scan}
        onChange={(file) => {
          setScan(file);
          setTooLarge(file !== null && file.size > SCAN_MAX);
          receive.reset();
        }}
        error={tooLarge ? t('detail.scanTooLarge') : fieldErrorsOf(receive.error).scan}
      />
      <Group gap="sm">
        <Button loading={receive.isPending} disabled={tooLarge} onClick={() => receive.mutate({ ...key, scan })}>
          {t('detail.receive')}
        </Button>
        <Button variant="light" color="red" onClick={() => setRejecting(true)}>
          {t('detail.reject')}
        </Button>
      </Group>
      {rejecting && (
        <RejectModal
          name={activation.customer.name}
          pending={reject.isPending}
          error={reject.error}
          onReject={(reason) => reject.mutate({ ...key, reason }, { onSuccess: () => setRejecting(false) })}
          onClose={() => {
            setRejecting(false);
            reject.reset();
          }}
        />
      )}
    </Stack>
  );
}
