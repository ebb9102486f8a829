import { importAccounts } from './modules/accounts/index.ts';
import { importRegistryCsv } from './modules/parties/index.ts';
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
  const registry = await importRegistryCsv(db, DEMO_REGISTRY, options.now);
  if (registry.invalid.length > 0) throw new Error(`demo registry refused: ${JSON.stringify(registry.invalid)}`);
}

/**
 * The local company registry, so that «Юр. лицам» fills the form in by INN without a registry
 * service: 7707083893 (a bank), 7736207543, 6316012349, the sole proprietor 500100732259, and
 * 6318024685, liquidated (refused).
 */
const DEMO_REGISTRY = `inn,kpp,kind,name,short_name,ogrn,legal_address,head_name,head_title,liquidated
7707083893,773601001,legal_entity,"ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО ""СБЕРБАНК РОССИИ""",ПАО СБЕРБАНК,1027700132195,"117312, г Москва, ул Вавилова, д 19",Греф Герман Оскарович,Президент,false
7736207543,770401001,legal_entity,"ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ ""ЯНДЕКС""","ООО ""ЯНДЕКС""",1027700229193,"119021, г Москва, ул Льва Толстого, д 16",Савиновский Артём Геннадьевич,Генеральный директор,false
6316012349,631601001,legal_entity,"ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ ""СВЕТЛЫЙ ДОМ""","ООО ""СВЕТЛЫЙ ДОМ""",1166316001235,"443013, г Самара, ул Кабельная, д 9",Мингалёв Сергей Петрович,Генеральный директор,false
500100732259,,sole_proprietor,Индивидуальный предприниматель Кузнецов Андрей Викторович,ИП Кузнецов А. В.,304500116000157,"Московская обл, г Балашиха",Кузнецов Андрей Викторович,,false
6318024685,631801001,legal_entity,"ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ ""СТАРЫЙ СКЛАД""","ООО ""СТАРЫЙ СКЛАД""",1096318004562,"443080, г Самара, ул Гагарина, д 124",Орлов Илья Николаевич,Директор,true
`;

/** Subscribers who can try registration by code: 4217 and 4218 confirm with the contract number or the INN, 315 with the INN. */
const DEMO_ACCOUNTS = `number,subscriber_code,contract_number,kind,address,customer_kind,customer_name,inn,kpp,email
ЛС-004217,4217,Д-2019/4217,water,"г. Самара, ул. Ленинская, 120",legal_entity,ООО «Вектор»,6315004218,631501001,info@vektor.example
ЛС-004218,4218,Д-2020/4218,water,"г. Самара, ул. Гагарина, 15",sole_proprietor,ИП Смирнова Ольга Петровна,631912345610,,
ЛС-000315,315,,water,"г. Самара, ул. Мичурина, 21",legal_entity,ООО «Ромашка»,6317003153,631701001,
`;
