import { Button, Group, TextInput } from '@mantine/core';
import { useState, type CSSProperties, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchFormProps {
  /** The query in the address; give the form `key={query}` so a new one from outside (back button, a link) starts the box afresh. */
  initial: string;
  onSearch: (query: string) => void;
  label: string;
  description?: string;
  /** The search landmark's name, where the page has more than one thing to search. */
  name?: string;
  /** The server looks at no more than this many characters. */
  maxLength?: number;
  maw?: number;
  style?: CSSProperties;
}

/** A search box with «Найти»; the query is searched when submitted, not on every keystroke. */
export function SearchForm({ initial, onSearch, label, description, name, maxLength = 100, maw, style }: SearchFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }

  return (
    <form onSubmit={submit} role="search" aria-label={name} style={style}>
      <Group gap="sm" align="flex-end" wrap="nowrap" maw={maw}>
        <TextInput
          label={label}
          description={description}
          type="search"
          autoComplete="off"
          maxLength={maxLength}
          flex={1}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
        <Button type="submit">{t('common.find')}</Button>
      </Group>
    </form>
  );
}
