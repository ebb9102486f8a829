import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, isLanguage, languages } from '../../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();

  const data = languages.map((language) => ({
    value: language,
    // Short code on screen, the language's own name for screen readers.
    label: (
      <>
        <span aria-hidden="true">{t(`language.${language}Short`)}</span>
        <VisuallyHidden>{t(`language.${language}`)}</VisuallyHidden>
      </>
    ),
  }));

  return (
    <SegmentedControl
      size="xs"
      data={data}
      value={i18n.resolvedLanguage}
      onChange={(value) => {
        if (isLanguage(value)) void chooseLanguage(value);
      }}
      aria-label={t('language.label')}
    />
  );
}
