import { findAccountByNumber, importAccounts } from './modules/accounts/index.ts';
import { loadBatch, type BatchKind } from './modules/integration/batches/index.ts';
import { importRegistryCsv } from './modules/parties/index.ts';
import { fillPaymentsDemo } from './modules/payments/index.ts';
import { DEFAULT_PROMISED_SETTINGS, setPromisedSettings } from './modules/promised/index.ts';
import { setProviderProfile } from './modules/settings/index.ts';
import { assignPlan, chargePeriod, getPlanOn, subscribeService, upsertPlan, upsertService } from './modules/tariffs/index.ts';
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
  await fillMoneyDemo(db, options);
}

/** The internet provider's plans and add-on services («Тариф», «Услуги»). */
const PLANS = [
  { code: 'home-100', name: 'Домашний 100', description: 'До 100 Мбит/с, безлимитный трафик', monthlyPrice: 55_000, selfService: true, immediateChange: false },
  { code: 'home-300', name: 'Домашний 300', description: 'До 300 Мбит/с, безлимитный трафик, Wi-Fi роутер в аренду', monthlyPrice: 75_000, selfService: true, immediateChange: false },
  { code: 'home-500', name: 'Домашний 500', description: 'До 500 Мбит/с; переход сразу, с перерасчётом по дням', monthlyPrice: 95_000, selfService: true, immediateChange: true },
  { code: 'social', name: 'Социальный', description: 'До 30 Мбит/с; подключается по заявлению в офисе', monthlyPrice: 25_000, selfService: false, immediateChange: false },
] as const;
const SERVICES = [
  { code: 'antivirus', name: 'Антивирус', description: 'Защита трёх устройств от вирусов и фишинга', monthlyPrice: 14_900, selfService: true },
  { code: 'static-ip', name: 'Статический IP-адрес', description: 'Постоянный внешний адрес для видеонаблюдения и удалённого доступа', monthlyPrice: 15_000, selfService: true },
  { code: 'cinema', name: 'Онлайн-кинотеатр', description: 'Фильмы и сериалы на телевизоре и в телефоне', monthlyPrice: 29_900, selfService: true },
] as const;

/**
 * Internet subscribers who can register by code (5001: contract «И-2024/5001», a year of history and
 * the last two months unpaid — blocked for debt; 5002: «И-2023/5002», paid up, with an add-on) and
 * a year of water bills for the utility's subscribers above; daily usage for charts. Posted through
 * the same batch service as the provider's billing feeds, with external ids fixed by month, so a
 * second run changes nothing.
 */
const DEMO_SUBSCRIBERS = `number,subscriber_code,contract_number,kind,address,customer_kind,customer_name,inn,kpp,email,block_threshold
ЛС-105001,5001,И-2024/5001,internet,"г. Самара, ул. Победы, 86, кв. 12",individual,Петров Пётр Сергеевич,,,,0
ЛС-105002,5002,И-2023/5002,internet,"г. Самара, пр-т Кирова, 301, кв. 45",individual,Кузнецова Анна Викторовна,,,,0
`;

async function fillMoneyDemo(db: Db, options: { timeZone: string; now: Date }) {
  const { now, timeZone } = options;
  for (const plan of PLANS) await upsertPlan(db, { ...plan, accountKind: 'internet' }, now);
  for (const service of SERVICES) await upsertService(db, { ...service, accountKind: 'internet' }, now);
  await fillPaymentsDemo(db, now);
  // Up to 1 500 ₽ for 5 days: enough for two unpaid months of «Домашний 100».
  await setPromisedSettings({ db, now }, null, { ...DEFAULT_PROMISED_SETTINGS, maxAmount: 150_000, durationDays: 5 });
  const subscribers = await importAccounts(db, DEMO_SUBSCRIBERS, { now, source: 'kabinet demo' });
  if (subscribers.problems.length > 0) throw new Error(`demo subscribers refused: ${JSON.stringify(subscribers.problems)}`);

  const months = lastMonths(now, timeZone, 12);
  const first = months[0]!;
  const internet = [
    { number: 'ЛС-105001', plan: 'home-100', services: [] as string[], unpaidMonths: 2 },
    { number: 'ЛС-105002', plan: 'home-300', services: ['antivirus'], unpaidMonths: 0 },
  ];
  for (const subscriber of internet) {
    const account = await findAccountByNumber(db, subscriber.number);
    if (!account) throw new Error(`demo account ${subscriber.number} is missing`);
    const key = { customerId: account.customerId, accountId: account.id };
    await db.transaction().execute(async (trx) => {
      if (!(await getPlanOn(trx, key, `${first}-01`))) await assignPlan(trx, { ...key, planCode: subscriber.plan, from: `${first}-01`, now });
      for (const service of subscriber.services) await subscribeService(trx, { ...key, serviceCode: service, from: `${first}-01`, now });
    });
  }
  // The plans' monthly charges, month by month, as the periodic-charges job posts them.
  for (const month of months) await chargePeriod(db, { period: month, now, timeZone });
  const payments = internet.flatMap((subscriber) => {
    const monthly = PLANS.find((plan) => plan.code === subscriber.plan)!.monthlyPrice + subscriber.services.reduce((sum, code) => sum + SERVICES.find((service) => service.code === code)!.monthlyPrice, 0);
    return months.slice(0, months.length - subscriber.unpaidMonths).map((month) => ({
      external_id: `demo:${subscriber.number}:payment:${month}`,
      account_number: subscriber.number,
      amount: monthly,
      description: 'Оплата картой через банк',
      occurred_at: `${month}-01T08:00:00`,
    }));
  });
  await load(db, 'payments', payments, options);

  // Water: 12 monthly bills for the utility's subscribers, paid on the 15th, the last one still open.
  const water = ['ЛС-004217', 'ЛС-004218', 'ЛС-000315'];
  const bills = water.flatMap((number, index) =>
    months.map((month) => ({
      external_id: `demo:${number}:water:${month}`,
      account_number: number,
      // From the month itself, so the same month's bill is the same on every run.
      amount: 180_000 + index * 45_000 + ((Number(month.replace('-', '')) * 7_919) % 40_000),
      charge_type: 'periodic',
      service_code: 'water',
      period: month,
      description: 'Холодное водоснабжение и водоотведение',
      occurred_at: `${month}-01T09:00:00`,
    })),
  );
  await load(db, 'charges', bills, options);
  await load(
    db,
    'payments',
    bills.filter((bill) => bill.period !== months.at(-1)).map((bill) => ({ external_id: bill.external_id.replace(':water:', ':water-payment:'), account_number: bill.account_number, amount: bill.amount, description: 'Платёжное поручение', occurred_at: `${bill.period}-15T12:00:00` })),
    options,
  );

  // Daily usage for the last 90 days: traffic of the internet subscribers, water of the utility's.
  const days = lastDays(now, timeZone, 90);
  const usage = [
    ...internet.flatMap(({ number }, index) =>
      days.map((day) => ({ account_number: number, day, metric: 'traffic_mb', quantity: 2_500 + ((dayNumber(day) * 7_919 + index * 104_729) % 9_000) })),
    ),
    ...water.flatMap((number, index) => days.map((day) => ({ account_number: number, day, metric: 'water_m3', quantity: (3_000 + ((dayNumber(day) * 613 + index * 977) % 2_500)) / 1_000 }))),
  ];
  await load(db, 'usage', usage, options);
}

async function load(db: Db, kind: BatchKind, items: Array<Record<string, unknown>>, options: { timeZone: string; now: Date }) {
  const report = await loadBatch(db, kind, items, { now: options.now, timeZone: options.timeZone, source: 'kabinet demo' });
  if (report.invalid > 0) throw new Error(`demo ${kind} refused: ${JSON.stringify(report.problems.slice(0, 3))}`);
}

/** The calendar months ('YYYY-MM') up to the current one, oldest first, in the provider's time zone. */
function lastMonths(now: Date, timeZone: string, count: number): string[] {
  const [year, month] = new Intl.DateTimeFormat('sv-SE', { timeZone }).format(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

/** Days since the epoch: a day's usage is made from its date, the same on every run. */
function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/** The days ('YYYY-MM-DD') before today, oldest first, in the provider's time zone. */
function lastDays(now: Date, timeZone: string, count: number): string[] {
  const today = new Date(`${new Intl.DateTimeFormat('sv-SE', { timeZone }).format(now)}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => new Date(today.getTime() - (count - index) * 86_400_000).toISOString().slice(0, 10));
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
