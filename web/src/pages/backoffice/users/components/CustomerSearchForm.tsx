import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The server looks at no more than this many characters. */
const QUERY_MAX = 100;

interface CustomerSearchFormProps {
  initial: string;
  onSearch: (query: string) => void;
}

export function CustomerSearchForm({ initial, onSearch }: CustomerSearchFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }

  return (
    <form onSubmit={submit} role="search" aria-label={t('backoffice.users.searchLabel')}>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('backoffice.users.search')}
          description={t('backoffice.users.searchHint')}
          type="search"
          autoComplete="off"
          maxLength={QUERY_MAX}
          flex={1}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
        <Button type="submit">{t('backoffice.users.searchSubmit')}</Button>
      </Group>
    </form>
  );
}
