import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanyToJoin, useRequestToJoin, type CompanyToJoin } from '../../../../api/employees';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';

const INN = /^(\d{10}|\d{12})$/;
const KPP = /^\d{4}[0-9A-Z]{2}\d{3}$/;

function compact(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** INN → «Компания найдена: ООО «…». Присоединиться?» → the request is filed. */
export function JoinForm({ initialInn }: { initialInn: string }) {
  const { t } = useTranslation('employees');
  const [inn, setInn] = useState(initialInn);
  const [kpp, setKpp] = useState('');
  const [showKpp, setShowKpp] = useState(false);
  const [localErrors, setLocalErrors] = useState<{ inn?: string; kpp?: string }>({});
  // A valid INN in the address (a link from company registration) is looked up at once.
  const [taxId, setTaxId] = useState<{ inn: string; kpp: string } | null>(INN.test(initialInn) ? { inn: initialInn, kpp: '' } : null);
  const lookup = useCompanyToJoin(taxId);
  const join = useRequestToJoin();
  const serverErrors = fieldErrorsOf(lookup.error);
  const kppAsked = showKpp || Boolean(serverErrors.kpp);

  function submit(event: FormEvent) {
    event.preventDefault();
    const nextInn = compact(inn);
    const nextKpp = kppAsked ? compact(kpp) : '';
    const errors = {
      ...(INN.test(nextInn) ? {} : { inn: t('join.innInvalid') }),
      ...(nextKpp && !KPP.test(nextKpp) ? { kpp: t('join.kppInvalid') } : {}),
    };
    setLocalErrors(errors);
    join.reset();
    if (Object.keys(errors).length === 0) setTaxId({ inn: nextInn, kpp: nextKpp });
  }

  const found = taxId && lookup.data && !join.isSuccess ? { ...lookup.data, taxId } : null;

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label={t('join.formLabel')}>
        <Stack gap="sm">
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('join.inn')}
              description={t('join.innHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={14}
              required
              w={{ base: '100%', xs: 260 }}
              value={inn}
              onChange={(event) => {
                setInn(event.currentTarget.value);
                setLocalErrors({});
              }}
              error={localErrors.inn ?? serverErrors.inn}
            />
            {kppAsked && (
              <TextInput
                label={t('join.kpp')}
                description={t('join.kppHint')}
                autoComplete="off"
                maxLength={11}
                w={{ base: '100%', xs: 200 }}
                value={kpp}
                onChange={(event) => {
                  setKpp(event.currentTarget.value);
                  setLocalErrors({});
                }}
                error={localErrors.kpp ?? serverErrors.kpp}
              />
            )}
          </Group>
          {!kppAsked && (
            <Anchor component="button" type="button" size="sm" onClick={() => setShowKpp(true)} w="fit-content">
              {t('join.addKpp')}
            </Anchor>
          )}
          <FormError error={lookup.error} fields={['inn', 'kpp']} />
          <Button type="submit" loading={lookup.isFetching} w="fit-content">
            {t('join.find')}
          </Button>
        </Stack>
      </form>

      {found && <FoundCompany found={found} pending={join.isPending} error={join.error} onJoin={() => join.mutate({ inn: found.taxId.inn, ...(found.taxId.kpp ? { kpp: found.taxId.kpp } : {}) })} />}

      {join.isSuccess && (
        <Alert color="teal" variant="light" role="status" title={t('join.filedTitle', { name: join.data.company.name })}>
          {t('join.filedText')}
        </Alert>
      )}
    </Stack>
  );
}

interface FoundCompanyProps {
  found: CompanyToJoin;
  pending: boolean;
  error: Error | null;
  onJoin: () => void;
}

function FoundCompany({ found, pending, error, onJoin }: FoundCompanyProps) {
  const { t } = useTranslation('employees');
  const { company, membershipStatus } = found;

  return (
    <Card withBorder padding="lg" component="section" aria-live="polite" aria-label={t('join.foundLabel')}>
      <Stack gap="sm">
        <Text fw={600} size="lg">
          {t('join.found', { name: company.name })}
        </Text>
        <Text size="sm" c="dimmed">
          {company.kpp ? t('join.taxIdWithKpp', { inn: company.inn, kpp: company.kpp }) : t('join.taxId', { inn: company.inn })}
        </Text>
        {company.status === 'pending' && (
          <Text size="sm" c="dimmed">
            {t('join.companyPending')}
          </Text>
        )}
        {membershipStatus === null ? (
          <>
            <Text>{t('join.question')}</Text>
            <FormError error={error} />
            <Button onClick={onJoin} loading={pending} w="fit-content">
              {t('join.submit')}
            </Button>
          </>
        ) : (
          <Alert color={membershipStatus === 'blocked' ? 'red' : 'blue'} variant="light">
            {t(`join.already.${membershipStatus}`)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
