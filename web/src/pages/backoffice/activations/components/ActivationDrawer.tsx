import { Anchor, Badge, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../../api/problem';
import { scanUrl, useActivation, useReceivePapers, useRejectActivation, type ActivationDetail } from '../../../../api/subscribers';
import { eventKeyIn } from '../../../../app/audit-events';
import { FormError } from '../../../../components/forms/FormError';
import { ReasonModal } from '../../../../components/ReasonModal';
import en from '../../../../i18n/subscribers.en.json';
import { AuditTimeline } from '../../shared/AuditTrail';
import { DetailDrawer } from '../../shared/DetailDrawer';

const statusColor = { awaiting_papers: 'orange', activated: 'teal', rejected: 'red' } as const;
const SCAN_MAX = 10 * 1024 * 1024;

/** One registration in full: the subscriber, the account, the person, the scan, and who decided what. */
export function ActivationDrawer({ subscriberId, id, onClose }: { subscriberId: string; id: string; onClose: () => void }) {
  const { t } = useTranslation('subscribers');
  const activation = useActivation(subscriberId, id);
  return (
    <DetailDrawer title={t('detail.title')} failed={t('detail.failed')} query={activation} onClose={onClose}>
      {(activation) => <Detail activation={activation} />}
    </DetailDrawer>
  );
}

function Detail({ activation }: { activation: ActivationDetail }) {
  const { t } = useTranslation('subscribers');
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
      <AuditTimeline
        id="activation-trail"
        title={t('detail.trail')}
        entries={activation.trail.map((event) => {
          const known = eventKeyIn(en.detail.events, event.event);
          return {
            id: event.id,
            at: event.at,
            title: known ? t(`detail.events.${known}`) : event.event,
            by: event.actor?.name,
            notes: [event.reason && t('detail.reason', { reason: event.reason }), event.scanName && t('detail.scanAttached', { name: event.scanName })],
          };
        })}
      />
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
        <ReasonModal
          title={t('reject.title', { name: activation.customer.name })}
          text={t('reject.text')}
          hint={t('reject.reasonHint')}
          requiredMessage={t('reject.required')}
          confirmLabel={t('reject.confirm')}
          pending={reject.isPending}
          error={reject.error}
          onConfirm={(reason) => reject.mutate({ ...key, reason }, { onSuccess: () => setRejecting(false) })}
          onClose={() => {
            setRejecting(false);
            reject.reset();
          }}
        />
      )}
    </Stack>
  );
}
