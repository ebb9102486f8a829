import type { FastifyInstance } from 'fastify';
import { importAccounts } from '../../src/modules/accounts/index.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { client } from './account.ts';
import { validInn10 } from './tax-ids.ts';

let counter = 0;

export interface Subscriber {
  customerId: string;
  accountId: string;
  code: string;
  contractNumber: string;
  inn: string;
  name: string;
  accountNumber: string;
}

/** A company the provider serves, with one account carrying a subscriber code: loaded as `kabinet import accounts` would. */
export async function createSubscriber(db: Db, options: { contractNumber?: string | null; name?: string } = {}): Promise<Subscriber> {
  counter++;
  const code = String(1000 + counter);
  const inn = validInn10('63');
  const name = options.name ?? `ООО «Абонент ${counter}»`;
  const contractNumber = options.contractNumber === undefined ? `Д-2019/${code}` : options.contractNumber;
  const accountNumber = `ЛС-${code}-${Date.now()}`;
  const csv = `number,subscriber_code,contract_number,kind,address,customer_kind,customer_name,inn,kpp,email\n${accountNumber},${code},${contractNumber ?? ''},water,"г. Самара, ул. Тестовая, ${counter}",legal_entity,"${name}",${inn},631501001,\n`;
  const report = await importAccounts(db, csv, { now: new Date(), source: 'test' });
  if (report.problems.length > 0) throw new Error(`subscriber not loaded: ${JSON.stringify(report.problems)}`);
  const account = await db.selectFrom('accounts_account').select(['customer_id', 'id']).where('number', '=', accountNumber).executeTakeFirstOrThrow();
  return { customerId: account.customer_id, accountId: account.id, code, contractNumber: contractNumber ?? '', inn, name, accountNumber };
}

/** Check and confirm by contract number through the public API; returns the claim token. */
export async function claimCode(app: FastifyInstance, subscriber: Pick<Subscriber, 'code' | 'contractNumber'>, cookie?: string): Promise<string> {
  const call = client(app, cookie);
  const check = await call('POST', '/subscriber-registrations/check', { subscriberCode: subscriber.code });
  if (check.statusCode !== 200) throw new Error(`check failed: ${check.body}`);
  const confirm = await call('POST', '/subscriber-registrations/confirm', { subscriberCode: subscriber.code, contractNumber: subscriber.contractNumber });
  if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.body}`);
  return confirm.json().claimToken as string;
}

/** The whole registration for a signed-in user: check, confirm, complete. */
export async function registerBySubscriberCode(app: FastifyInstance, subscriber: Subscriber, cookie: string) {
  const claimToken = await claimCode(app, subscriber);
  const complete = await client(app, cookie)('POST', '/subscriber-registrations/complete', { claimToken });
  if (complete.statusCode !== 200) throw new Error(`complete failed: ${complete.body}`);
  return complete.json() as { customerId: string; activationId: string; status: string };
}
