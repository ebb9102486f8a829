import { Button, Group, Loader, Radio, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INN_LENGTH, useRegisterCompany, useRegistryLookup, type CompanyKind, type NewCompany, type RegistryParty } from '../../../../api/companies';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';
import { RegistryNotice } from './RegistryNotice';
import type { Outcome } from './RegistrationDone';

interface Values {
  kind: CompanyKind;
  inn: string;
  kpp: string;
  ogrn: string;
  name: string;
  shortName: string;
  legalAddress: string;
  headName: string;
  headTitle: string;
  email: string;
  phone: string;
}

const empty: Values = { kind: 'legal_entity', inn: '', kpp: '', ogrn: '', name: '', shortName: '', legalAddress: '', headName: '', headTitle: '', email: '', phone: '' };
const fields = ['kind', 'inn', 'kpp', 'ogrn', 'name', 'shortName', 'legalAddress', 'headName', 'headTitle', 'email', 'phone'] as const;

/** The registry's details over what was typed; the person may still edit every one of them. */
function filledFrom(values: Values, party: RegistryParty): Values {
  return {
    ...values,
    kpp: party.kpp ?? '',
    ogrn: party.ogrn ?? values.ogrn,
    name: party.name,
    shortName: party.shortName ?? '',
    legalAddress: party.legalAddress ?? values.legalAddress,
    headName: party.headName ?? values.headName,
    headTitle: party.headTitle ?? '',
  };
}

function bodyOf(values: Values): NewCompany {
  const text = (value: string) => value.trim() || null;
  const legal = values.kind === 'legal_entity';
  return {
    kind: values.kind,
    inn: values.inn,
    ...(legal ? { kpp: values.kpp.trim() } : {}),
    ogrn: values.ogrn.trim(),
    name: values.name.trim(),
    shortName: text(values.shortName),
    legalAddress: values.legalAddress.trim(),
    headName: values.headName.trim(),
    headTitle: legal ? text(values.headTitle) : null,
    email: text(values.email),
    phone: text(values.phone),
  };
}

/**
 * The company registration form: the type, then the INN, which is looked up in the registry as
 * soon as it is complete; the registry's details fill the rest. When the registry cannot answer,
 * everything is typed by hand and the moderator checks it.
 */
export function CompanyForm({ onDone }: { onDone: (outcome: Outcome) => void }) {
  const { t } = useTranslation('companies');
  const [values, setValues] = useState(empty);
  const register = useRegisterCompany();
  const complete = values.inn.length === INN_LENGTH[values.kind];
  const lookup = useRegistryLookup(complete ? values.inn : null);
  const lookupErrors = fieldErrorsOf(lookup.error);
  const errors = fieldErrorsOf(register.error);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  // Fill the form once per answer of the registry, while rendering (no effect, no flash of old values).
  const party = complete && lookup.data?.party && !lookup.data.party.liquidated ? lookup.data.party : null;
  const [filledFor, setFilledFor] = useState<string | null>(null);
  const partyKey = party ? `${values.kind}:${party.inn}:${party.kpp ?? ''}` : null;
  if (party && partyKey !== filledFor && party.kind === values.kind) {
    setFilledFor(partyKey);
    setValues(filledFrom(values, party));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    register.mutate(bodyOf(values), { onSuccess: onDone });
  }

  const legal = values.kind === 'legal_entity';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={register.error} fields={fields} />
        <Radio.Group
          label={t('form.kind')}
          value={values.kind}
          onChange={(kind) => {
            setFilledFor(null);
            setValues({ ...empty, kind: kind as CompanyKind, email: values.email, phone: values.phone });
          }}
          error={errors.kind}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="legal_entity" label={t('kinds.legal_entity')} />
            <Radio value="sole_proprietor" label={t('kinds.sole_proprietor')} />
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('form.inn')}
          description={t(`form.innHint.${values.kind}`)}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={INN_LENGTH[values.kind]}
          value={values.inn}
          onChange={(event) => set('inn', event.currentTarget.value.replace(/\D/g, '').slice(0, INN_LENGTH[values.kind]))}
          rightSection={complete && lookup.isFetching ? <Loader size="xs" aria-label={t('lookup.searching')} /> : null}
          error={(complete ? lookupErrors.inn : undefined) ?? errors.inn}
        />
        {complete && <RegistryNotice inn={values.inn} lookup={lookup} />}
        {legal && (
          <TextInput
            label={t('form.kpp')}
            description={t('form.kppHint')}
            required
            autoComplete="off"
            maxLength={9}
            value={values.kpp}
            onChange={(event) => set('kpp', event.currentTarget.value.toUpperCase())}
            error={errors.kpp}
          />
        )}
        <TextInput
          label={t(`form.ogrn.${values.kind}`)}
          description={t(`form.ogrnHint.${values.kind}`)}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={legal ? 13 : 15}
          value={values.ogrn}
          onChange={(event) => set('ogrn', event.currentTarget.value.replace(/\D/g, ''))}
          error={errors.ogrn}
        />
        <TextInput
          label={legal ? t('form.name') : t('form.nameIp')}
          required
          maxLength={500}
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={t('form.shortName')}
          maxLength={300}
          value={values.shortName}
          onChange={(event) => set('shortName', event.currentTarget.value)}
          error={errors.shortName}
        />
        <TextInput
          label={legal ? t('form.legalAddress') : t('form.legalAddressIp')}
          required
          maxLength={1000}
          value={values.legalAddress}
          onChange={(event) => set('legalAddress', event.currentTarget.value)}
          error={errors.legalAddress}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={legal ? t('form.headName') : t('form.headNameIp')}
            required
            maxLength={300}
            miw={220}
            value={values.headName}
            onChange={(event) => set('headName', event.currentTarget.value)}
            error={errors.headName}
          />
          {legal && (
            <TextInput
              label={t('form.headTitle')}
              maxLength={300}
              miw={220}
              value={values.headTitle}
              onChange={(event) => set('headTitle', event.currentTarget.value)}
              error={errors.headTitle}
            />
          )}
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('form.email')}
            description={t('form.emailHint')}
            type="email"
            autoComplete="email"
            miw={220}
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t('form.phone')}
            type="tel"
            autoComplete="tel"
            placeholder="+7 846 000-00-00"
            miw={220}
            maxLength={40}
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            error={errors.phone}
          />
        </Group>
        <Button type="submit" loading={register.isPending} w="fit-content">
          {t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
