import type { Db } from '../../platform/db/database.ts';
import { setRequisites, type Requisites } from './requisites.ts';

/** The demo provider's bank requisites (made up, with valid INN and account check keys). */
export const DEMO_REQUISITES: Requisites = {
  payeeName: 'ООО «Демосервис»',
  inn: '6316123458',
  kpp: '631601001',
  address: '443010, г. Самара, ул. Куйбышева, д. 1',
  bankName: 'ПОВОЛЖСКИЙ БАНК ПАО СБЕРБАНК',
  bic: '043601607',
  settlementAccount: '40702810594400012345',
  correspondentAccount: '30101810200000000607',
};

/** `kabinet demo`: requisites for invoices and their QR codes. Safe to run again (it overwrites them). */
export async function fillPaymentsDemo(db: Db, now: Date): Promise<void> {
  await setRequisites({ db, now, actorId: null }, DEMO_REQUISITES);
}
