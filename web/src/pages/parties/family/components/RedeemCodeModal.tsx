import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRedeemProfileCode, type Redemption } from '../../../../api/family';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';

interface RedeemCodeModalProps {
  /** A relative's profile, or the person's own (a takeover): the same code box, other words. */
  mode: 'verification' | 'takeover';
  onRedeemed: (redemption: Redemption) => void;
  onClose: () => void;
}

/** The code from the clinic decides by itself which profile it is for. */
export function RedeemCodeModal({ mode, onRedeemed, onClose }: RedeemCodeModalProps) {
  const { t } = useTranslation('family');
  const redeem = useRedeemProfileCode();
  const [code, setCode] = useState('');
  const errors = fieldErrorsOf(redeem.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    redeem.mutate(code.trim(), { onSuccess: onRedeemed });
  }

  return (
    <Modal opened onClose={onClose} title={mode === 'takeover' ? t('redeem.takeoverTitle') : t('redeem.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{mode === 'takeover' ? t('redeem.takeoverIntro') : t('redeem.intro')}</Text>
          <FormError error={redeem.error} fields={['code']} />
          <TextInput
            label={t('redeem.code')}
            description={t('redeem.codeHint')}
            required
            data-autofocus
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={errors.code}
            styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.1em' } }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'translation' })}
            </Button>
            <Button type="submit" loading={redeem.isPending} disabled={code.trim() === ''}>
              {t('redeem.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
