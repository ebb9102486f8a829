import 'i18next';
import type companies from './companies.ru.json';
import type employees from './employees.ru.json';
import type family from './family.ru.json';
import type parties from './parties.ru.json';
import type ru from './ru.json';
import type subscribers from './subscribers.ru.json';
import type accounts from './accounts.ru.json';
import type ledger from './ledger.ru.json';
import type tariffs from './tariffs.ru.json';
import type promised from './promised.ru.json';
import type payments from './payments.ru.json';
import type integration from './integration.ru.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof ru;
      parties: typeof parties;
      companies: typeof companies;
      employees: typeof employees;
      subscribers: typeof subscribers;
      family: typeof family;
      accounts: typeof accounts;
      ledger: typeof ledger;
      tariffs: typeof tariffs;
      promised: typeof promised;
      payments: typeof payments;
      integration: typeof integration;
    };
  }
}
