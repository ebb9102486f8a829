import { Alert, Button, Group, Loader, NumberInput, Radio, Stack, Switch, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../api/problem';
import { usePromisedSettings, useUpdatePromisedSettings, type PromisedSettings, type PromisedSettingsInput } from '../../../api/promised';
import { useFormatDateTime } from '../../../app/format';
import { FormError } from '../../../components/forms/FormError';
import { PageTitle } from '../../../components/PageTitle';

/** The provider's promised payment rules, for administrators. */
export function PromisedSettingsPage() {
  const { t: tc } = useTranslation();
  const settings = usePromisedSettings();
  if (settings.isPending) return <Loader aria-label={tc('common.loading')} />;
  if (settings.isError) throw settings.error;
  return <SettingsForm saved={settings.data} />;
}

function toInput({ updatedAt: _at, updatedBy: _by, ...rules }: PromisedSettings): PromisedSettingsInput {
  return rules;
}

function SettingsForm({ saved }: { saved: PromisedSettings }) {
  const { t } = useTranslation('promised');
  const formatDateTime = useFormatDateTime();
  const update = useUpdatePromisedSettings();
  const [form, setForm] = useState<PromisedSettingsInput>(() => toInput(saved));
  const [done, setDone] = useState(false);
  const errors = fieldErrorsOf(update.error);
  const set = <K extends keyof PromisedSettingsInput>(key: K, value: PromisedSettingsInput[K]) => {
    setDone(false);
    setForm((current) => ({ ...current, [key]: value }));
  };
  const whole = (value: string | number) => (typeof value === 'number' ? Math.trunc(value) : Number.parseInt(value, 10) || 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(form, { onSuccess: () => setDone(true) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560}>
        <PageTitle>{t('backoffice.settings.title')}</PageTitle>
        <Text size="sm">{t('backoffice.settings.intro')}</Text>
        <Text size="sm" c="dimmed">
          {t('backoffice.settings.updated', { date: formatDateTime(String(saved.updatedAt)) })}
        </Text>
        <FormError error={update.error} fields={Object.keys(form)} />
        {done && (
          <Alert color="green" variant="light" role="status">
            {t('backoffice.settings.saved')}
          </Alert>
        )}
        <Switch label={t('backoffice.settings.enabled')} checked={form.enabled} onChange={(event) => set('enabled', event.currentTarget.checked)} />
        <Radio.Group label={t('backoffice.settings.limitKind')} value={form.limitKind} onChange={(value) => set('limitKind', value === 'days' ? 'days' : 'amount')} error={errors.limitKind}>
          <Group mt="xs">
            <Radio value="amount" label={t('backoffice.settings.limitAmount')} />
            <Radio value="days" label={t('backoffice.settings.limitDays')} />
          </Group>
        </Radio.Group>
        {form.limitKind === 'amount' ? (
          <NumberInput
            label={t('backoffice.settings.maxAmount')}
            min={1}
            max={1_000_000}
            allowDecimal={false}
            thousandSeparator=" "
            value={form.maxAmount / 100}
            onChange={(value) => set('maxAmount', whole(value) * 100)}
            error={errors.maxAmount}
          />
        ) : (
          <NumberInput
            label={t('backoffice.settings.maxDays')}
            description={t('backoffice.settings.maxDaysHint')}
            min={1}
            max={31}
            allowDecimal={false}
            value={form.maxDays}
            onChange={(value) => set('maxDays', whole(value))}
            error={errors.maxDays}
          />
        )}
        <NumberInput label={t('backoffice.settings.durationDays')} min={1} max={30} allowDecimal={false} value={form.durationDays} onChange={(value) => set('durationDays', whole(value))} error={errors.durationDays} />
        <NumberInput
          label={t('backoffice.settings.minIntervalDays')}
          min={0}
          max={365}
          allowDecimal={false}
          value={form.minIntervalDays}
          onChange={(value) => set('minIntervalDays', whole(value))}
          error={errors.minIntervalDays}
        />
        <NumberInput
          label={t('backoffice.settings.minAccountAgeDays')}
          min={0}
          max={3650}
          allowDecimal={false}
          value={form.minAccountAgeDays}
          onChange={(value) => set('minAccountAgeDays', whole(value))}
          error={errors.minAccountAgeDays}
        />
        <Switch label={t('backoffice.settings.requireNegativeBalance')} checked={form.requireNegativeBalance} onChange={(event) => set('requireNegativeBalance', event.currentTarget.checked)} />
        <Text size="sm" c="dimmed">
          {t('backoffice.settings.amountRule')}
        </Text>
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('backoffice.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
