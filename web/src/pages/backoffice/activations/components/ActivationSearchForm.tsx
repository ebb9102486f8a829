import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The server looks at no more than this many characters. */
const QUERY_MAX = 200;

export function ActivationSearchForm({ initial, onSearch }: { initial: string; onSearch: (query: string) => void }) {
  const { t } = useTranslation('subscribers');
  const [value, setValue] = useState(initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }

  return (
    <form onSubmit={submit} role="search" aria-label={t('queue.search')}>
      <Group gap="sm" align="flex-end" wrap="nowrap" maw={720}>
        <TextInput
          label={t('queue.search')}
          description={t('queue.searchHint')}
          type="search"
          autoComplete="off"
          maxLength={QUERY_MAX}
          flex={1}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
        <Button type="submit">{t('queue.searchSubmit')}</Button>
      </Group>
    </form>
  );
}
