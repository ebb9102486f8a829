import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { relations, useAddFamilyProfile, type FamilyProfile, type Relation } from '../../../../api/family';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';

/** The server keeps at most this much of a name. */
const NAME_MAX = 200;

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

interface AddProfileModalProps {
  onAdded: (profile: FamilyProfile, created: boolean) => void;
  onClose: () => void;
}

/** Name, birth date and relation of a relative; the server checks the dates (no future, no adult child). */
export function AddProfileModal({ onAdded, onClose }: AddProfileModalProps) {
  const { t } = useTranslation('family');
  const add = useAddFamilyProfile();
  const [values, setValues] = useState<{ name: string; birthDate: string; relation: Relation }>({ name: '', birthDate: '', relation: 'child' });
  const errors = fieldErrorsOf(add.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ name: values.name.trim(), birthDate: values.birthDate, relation: values.relation }, { onSuccess: ({ profile, created }) => onAdded(profile, created) });
  }

  return (
    <Modal opened onClose={onClose} title={t('add.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={add.error} fields={['name', 'birthDate', 'relation']} />
          <TextInput
            label={t('add.name')}
            description={t('add.nameHint')}
            required
            data-autofocus
            autoComplete="off"
            maxLength={NAME_MAX}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
            error={errors.name}
          />
          <TextInput
            type="date"
            label={t('add.birthDate')}
            required
            max={today()}
            value={values.birthDate}
            onChange={(event) => setValues({ ...values, birthDate: event.currentTarget.value })}
            error={errors.birthDate}
          />
          <NativeSelect
            label={t('add.relation')}
            data={relations.map((relation) => ({ value: relation, label: t(`relation.${relation}`) }))}
            value={values.relation}
            onChange={(event) => setValues({ ...values, relation: event.currentTarget.value as Relation })}
            error={errors.relation}
          />
          {values.relation === 'child' && (
            <Text size="sm" c="dimmed">
              {t('add.childHint')}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'translation' })}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
