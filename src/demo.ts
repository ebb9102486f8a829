import { importAccounts } from './modules/accounts/index.ts';
import { setProviderProfile } from './modules/settings/index.ts';
import type { Db } from './platform/db/database.ts';

/**
 * A demo provider so a newcomer sees a living cabinet. Safe to run again: each step overwrites or
 * skips what is already there. Later modules add their own demo data here.
 */
export async function fillDemo(db: Db, options: { timeZone: string; now: Date }) {
  await db.transaction().execute(async (trx) => {
    await setProviderProfile(
      { db: trx, now: options.now, timeZone: options.timeZone },
      {
        name: 'ООО «Демосервис»',
        logoUrl: null,
        supportPhones: ['8 800 100-00-00', '8 495 100-00-00'],
        supportEmail: 'support@demoservice.example',
        supportHours: 'Пн–Пт с 8:00 до 16:00 мск',
      },
    );
  });
  const accounts = await importAccounts(db, DEMO_ACCOUNTS, { now: options.now, source: 'kabinet demo' });
  if (accounts.problems.length > 0) throw new Error(`demo accounts refused: ${JSON.stringify(accounts.problems)}`);
}

/** Subscribers who can try registration by code: 4217 and 4218 confirm with the contract number or the INN, 315 with the INN. */
const DEMO_ACCOUNTS = `number,subscriber_code,contract_number,kind,address,customer_kind,customer_name,inn,kpp,email
ЛС-004217,4217,Д-2019/4217,water,"г. Самара, ул. Ленинская, 120",legal_entity,ООО «Вектор»,6315004218,631501001,info@vektor.example
ЛС-004218,4218,Д-2020/4218,water,"г. Самара, ул. Гагарина, 15",sole_proprietor,ИП Смирнова Ольга Петровна,631912345610,,
ЛС-000315,315,,water,"г. Самара, ул. Мичурина, 21",legal_entity,ООО «Ромашка»,6317003153,631701001,
`;
