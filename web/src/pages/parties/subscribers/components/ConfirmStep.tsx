import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../../api/problem';
import { useConfirmSubscriberCode, type SubscriberDetail } from '../../../../api/subscribers';
import { FormError } from '../../../../components/forms/FormError';
import type { StoredClaim } from '../claim';

interface ConfirmStepProps {
  code: string;
  details: SubscriberDetail[];
  onConfirmed: (claim: StoredClaim) => void;
  onBack: () => void;
}

/** «Подтвердить, что это именно Вы»: the contract number or the INN, whichever the person has at hand. */
export function ConfirmStep({ code, details, onConfirmed, onBack }: ConfirmStepProps) {
  const { t } = useTranslation('subscribers');
  const confirm = useConfirmSubscriberCode();
  const [detail, setDetail] = useState<SubscriberDetail>(details[0] ?? 'contractNumber');
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(confirm.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = value.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    confirm.mutate(
      { subscriberCode: code, ...(detail === 'inn' ? { inn: text.replace(/\s/g, '') } : { contractNumber: text }) },
      { onSuccess: (claim) => onConfirmed({ claimToken: claim.claimToken, subscriberCode: claim.subscriberCode, expiresAt: claim.expiresAt }) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fw={600}>{t('confirm.title')}</Text>
        <Text>{t('confirm.found', { code })}</Text>
        {details.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="confirm-by-label">
              {t('confirm.by')}
            </Text>
            <SegmentedControl
              aria-labelledby="confirm-by-label"
              value={detail}
              onChange={(next) => {
                setDetail(next as SubscriberDetail);
                setValue('');
                setMissing(false);
                confirm.reset();
              }}
              data={details.map((item) => ({ value: item, label: t(`confirm.${item}`) }))}
              w="fit-content"
            />
          </Stack>
        )}
        <FormError error={confirm.error} fields={['contractNumber', 'inn']} />
        <TextInput
          key={detail}
          label={t(`confirm.${detail}`)}
          description={t(detail === 'inn' ? 'confirm.innHint' : 'confirm.contractHint')}
          inputMode={detail === 'inn' ? 'numeric' : 'text'}
          autoComplete="off"
          autoFocus
          maxLength={64}
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('confirm.required') : errors[detail]}
        />
        <Group gap="sm">
          <Button type="submit" loading={confirm.isPending}>
            {t('confirm.submit')}
          </Button>
          <Button variant="subtle" onClick={onBack}>
            {t('confirm.other')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
