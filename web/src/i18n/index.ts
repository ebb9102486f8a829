import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';
import partiesEn from './parties.en.json';
import partiesRu from './parties.ru.json';
import companiesEn from './companies.en.json';
import companiesRu from './companies.ru.json';
import employeesEn from './employees.en.json';
import employeesRu from './employees.ru.json';
import subscribersEn from './subscribers.en.json';
import subscribersRu from './subscribers.ru.json';
import familyEn from './family.en.json';
import familyRu from './family.ru.json';
import accountsEn from './accounts.en.json';
import accountsRu from './accounts.ru.json';
import ledgerEn from './ledger.en.json';
import ledgerRu from './ledger.ru.json';
import tariffsEn from './tariffs.en.json';
import tariffsRu from './tariffs.ru.json';
import promisedEn from './promised.en.json';
import promisedRu from './promised.ru.json';
import paymentsEn from './payments.en.json';
import paymentsRu from './payments.ru.json';
import integrationEn from './integration.en.json';
import integrationRu from './integration.ru.json';

export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'kabinet.lang';

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** Russian unless the visitor chose otherwise on this device. */
function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : 'ru';
  } catch {
    return 'ru';
  }
}

/** Switches the interface language and remembers the choice on this device. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be disabled (private mode, policy); the choice then lasts until reload.
  }
  await i18n.changeLanguage(language);
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  // `satisfies` makes a key missing from the English catalog a type error.
  resources: {
    ru: { translation: ru, parties: partiesRu, companies: companiesRu, employees: employeesRu, subscribers: subscribersRu, family: familyRu, accounts: accountsRu, ledger: ledgerRu, tariffs: tariffsRu, promised: promisedRu, payments: paymentsRu, integration: integrationRu },
    en: {
      translation: en satisfies typeof ru,
      parties: partiesEn satisfies typeof partiesRu,
      companies: companiesEn satisfies typeof companiesRu,
      employees: employeesEn satisfies typeof employeesRu,
      subscribers: subscribersEn satisfies typeof subscribersRu,
      family: familyEn satisfies typeof familyRu,
      accounts: accountsEn satisfies typeof accountsRu,
      ledger: ledgerEn satisfies typeof ledgerRu,
      tariffs: tariffsEn satisfies typeof tariffsRu,
      promised: promisedEn satisfies typeof promisedRu,
      payments: paymentsEn satisfies typeof paymentsRu,
      integration: integrationEn satisfies typeof integrationRu,
    },
  },
  lng: storedLanguage(),
  fallbackLng: 'ru',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  initAsync: false,
});
