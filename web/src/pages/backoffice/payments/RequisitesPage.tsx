import { Alert, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequisites, useSetRequisites, type Requisites } from '../../../api/payments';
import { fieldErrorsOf } from '../../../api/problem';
import { FormError } from '../../../components/forms/FormError';
import { PageTitle } from '../../../components/PageTitle';

const EMPTY: Requisites = { payeeName: '', inn: '', kpp: null, address: null, bankName: '', bic: '', settlementAccount: '', correspondentAccount: '' };

/** The provider's bank requisites for invoices and their QR codes: administrators and accountants. */
export function RequisitesPage() {
  const { t: tc } = useTranslation();
  const requisites = useRequisites();
  if (requisites.isPending) return <Loader aria-label={tc('common.loading')} />;
  if (requisites.isError) throw requisites.error;
  return <RequisitesForm saved={requisites.data.requisites} />;
}

function RequisitesForm({ saved }: { saved: Requisites | null }) {
  const { t } = useTranslation('payments');
  const save = useSetRequisites();
  const [form, setForm] = useState<Requisites>(saved ?? EMPTY);
  const [done, setDone] = useState(false);
  const errors = fieldErrorsOf(save.error);
  const set = (key: keyof Requisites, value: string) => {
    setDone(false);
    const optional = key === 'kpp' || key === 'address';
    setForm((current) => ({ ...current, [key]: optional && value.trim() === '' ? null : value }));
  };
  const fields: Array<{ key: keyof Requisites; inputMode?: 'numeric' }> = [
    { key: 'payeeName' },
    { key: 'inn', inputMode: 'numeric' },
    { key: 'kpp', inputMode: 'numeric' },
    { key: 'address' },
    { key: 'bankName' },
    { key: 'bic', inputMode: 'numeric' },
    { key: 'settlementAccount', inputMode: 'numeric' },
    { key: 'correspondentAccount', inputMode: 'numeric' },
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(form, {
      onSuccess: (answer) => {
        if (answer.requisites) setForm(answer.requisites);
        setDone(true);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560}>
        <PageTitle>{t('requisites.title')}</PageTitle>
        <Text size="sm">{t('requisites.intro')}</Text>
        {!saved && (
          <Alert color="yellow" variant="light">
            {t('requisites.missing')}
          </Alert>
        )}
        <FormError error={save.error} fields={fields.map((field) => field.key)} />
        {done && (
          <Alert color="green" variant="light" role="status">
            {t('requisites.saved')}
          </Alert>
        )}
        {fields.map(({ key, inputMode }) => (
          <TextInput
            key={key}
            label={t(`requisites.${key}`)}
            required={key !== 'kpp' && key !== 'address'}
            inputMode={inputMode}
            value={form[key] ?? ''}
            onChange={(event) => set(key, event.currentTarget.value)}
            error={errors[key]}
          />
        ))}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('requisites.save')}
        </Button>
      </Stack>
    </form>
  );
}
