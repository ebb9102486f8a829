import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createApiToken } from '../../src/modules/integration/index.ts';
import type { Db } from '../../src/platform/db/database.ts';
import type { Generator } from './generator.ts';
import { CUSTOMER_EMAIL_DOMAIN } from './identity.ts';
import { readGeneratedMemberships } from './parties.ts';

/** In `--out`: the first generated users' companies' internet accounts, and the account with a long history. */
export const ACCOUNTS_FILE = 'accounts.json';
/** Every company has an internet account and a water account. */
const KINDS = ['internet', 'water'] as const;
/** Ten years of monthly charges and payments, give or take: 100 entries per account, 10 million for 100 000 accounts. */
const ENTRIES_PER_ACCOUNT = 100;
const YEARS = 10;
/** The acquiring-like account of the first company: five entries a day for ten years. */
const LONG_HISTORY_PER_DAY = 5;
/** Accounts per insert statement: 100 000 entries each. */
const CHUNK = 1000;

const BENCH_TOKEN = 'bench';
/** Accounts the import measurement posts charges to: number and keys, for the API and for COPY alike. */
const IMPORT_ACCOUNTS = 1000;

export interface GeneratedAccounts {
  /** `accounts[i]` is the internet account of the company of the i-th session's user. */
  accounts: { customerId: string; accountId: string }[];
  /** The account with ten years of daily entries, for the statement's timing. */
  longHistory: { customerId: string; accountId: string; entries: number };
  importTargets: { number: string; customerId: string; accountId: string }[];
  /** An integration token with `ledger:write`, for posting batches through the API. */
  apiToken: string;
}

export function readGeneratedAccounts(dir: string): GeneratedAccounts {
  return JSON.parse(readFileSync(path.join(dir, ACCOUNTS_FILE), 'utf8')) as GeneratedAccounts;
}

const generatedCompanies = (db: Db) =>
  db
    .selectFrom('party_customer')
    .select('id')
    .where('created_by', 'in', db.selectFrom('identity_user').select('id').where('email_normalized', 'like', `%@${CUSTOMER_EMAIL_DOMAIN}`));

/**
 * Two personal accounts per generated company and a ledger written by SQL (a million rows a
 * statement would be too many parameters): charges in odd positions (periodic, one a month or so),
 * payments in even ones, spread evenly over the last ten years, amounts from the position so the
 * data is the same on every run; balances are then set to the sums, as postings would have left
 * them, and accounts in debt get their debt block.
 */
export const accounts: Generator = {
  module: 'accounts',
  async clear({ db }) {
    for (const table of ['accounts_ledger_entry', 'accounts_block', 'accounts_usage'] as const) {
      await db.deleteFrom(table).where('customer_id', 'in', generatedCompanies(db)).execute();
    }
    await db.deleteFrom('accounts_account').where('customer_id', 'in', generatedCompanies(db)).execute();
    await db.deleteFrom('integration_api_token').where('name', '=', BENCH_TOKEN).execute();
  },
  async run({ db, outDir }) {
    const companies = (await generatedCompanies(db).orderBy('id').execute()).map((row) => row.id);
    for (let start = 0; start < companies.length; start += CHUNK / KINDS.length) {
      const chunk = companies.slice(start, start + CHUNK / KINDS.length);
      await sql`
        insert into accounts_account (customer_id, id, number, kind, address, status, balance, block_threshold, created_at, updated_at)
        select c.id, gen_random_uuid(), 'ЛС-' || lpad((${start} * 2 + row_number() over (order by c.id, k.kind))::text, 8, '0'),
               k.kind, c.legal_address, 'active', 0, case when k.kind = 'internet' then 0 end,
               now() - interval '${sql.raw(String(YEARS))} years' - interval '1 day', now()
        from party_customer c cross join (values ('internet'), ('water')) as k(kind)
        where c.id = any(${chunk}::uuid[])`.execute(db);
    }
    const accountIds = await db.selectFrom('accounts_account').select(['customer_id', 'id']).where('customer_id', 'in', generatedCompanies(db)).orderBy('customer_id').orderBy('id').execute();
    for (let start = 0; start < accountIds.length; start += CHUNK) {
      await insertEntries(db, accountIds.slice(start, start + CHUNK).map((row) => row.id), ENTRIES_PER_ACCOUNT, YEARS * 365);
    }

    const summary = `${accountIds.length} accounts, ${accountIds.length * ENTRIES_PER_ACCOUNT} ledger entries over ${YEARS} years`;
    if (outDir === undefined) {
      await setBalances(db);
      return `${summary}; balances set`;
    }
    const { members } = readGeneratedMemberships(outDir);
    const internet = await db
      .selectFrom('accounts_account')
      .select(['customer_id as customerId', 'id as accountId'])
      .where('customer_id', 'in', [...new Set(members.map((member) => member.customerId))])
      .where('kind', '=', 'internet')
      .execute();
    const byCustomer = new Map(internet.map((account) => [account.customerId, account]));
    const longHistory = byCustomer.get(members[0]!.customerId)!;
    const extra = YEARS * 365 * LONG_HISTORY_PER_DAY;
    await insertEntries(db, [longHistory.accountId], extra, YEARS * 365, 'long');
    await setBalances(db);
    const importTargets = await db
      .selectFrom('accounts_account')
      .select(['number', 'customer_id as customerId', 'id as accountId'])
      .where('customer_id', 'in', generatedCompanies(db))
      .orderBy('number')
      .limit(IMPORT_ACCOUNTS)
      .execute();
    const { token } = await createApiToken({ db, now: new Date(), actorId: null, origin: { ip: null, userAgent: 'bench generator' } }, { name: BENCH_TOKEN, scopes: ['ledger:write'] });
    const file: GeneratedAccounts = {
      accounts: members.map((member) => byCustomer.get(member.customerId)!),
      longHistory: { ...longHistory, entries: ENTRIES_PER_ACCOUNT + extra },
      importTargets,
      apiToken: token,
    };
    writeFileSync(path.join(outDir, ACCOUNTS_FILE), JSON.stringify(file) + '\n');
    return `${summary}, and ${extra} more on one account; balances set; the first users' accounts in ${path.join(outDir, ACCOUNTS_FILE)}`;
  },
};

async function insertEntries(db: Db, accountIds: string[], perAccount: number, days: number, tag = 'gen') {
  // Position i of n sits at (n - i) / n of `days` ago; odd positions are charges, even ones the payment after.
  await sql`
    insert into accounts_ledger_entry (customer_id, id, account_id, external_id, kind, amount, charge_type, service_code, period, description, occurred_at, source, created_at)
    select a.customer_id, gen_random_uuid(), a.id, ${tag} || ':' || a.id || ':' || i,
           case when i % 2 = 1 then 'charge' else 'payment' end,
           case when i % 2 = 1 then -(30000 + (i * 7919) % 20000) else 30000 + ((i - 1) * 7919) % 20000 + (i * 104729) % 3000 - 1500 end,
           case when i % 2 = 1 then 'periodic' end,
           case when i % 2 = 1 then a.kind end,
           case when i % 2 = 1 then date_trunc('month', t.at)::date end,
           case when i % 2 = 1 then 'Абонентская плата' else 'Оплата' end,
           t.at, 'generator', t.at
    from accounts_account a
    cross join generate_series(1, ${perAccount}) as i
    cross join lateral (select now() - (${days} * (${perAccount} - i + 1)::float8 / ${perAccount}) * interval '1 day' as at) t
    where a.id = any(${accountIds}::uuid[])`.execute(db);
}

async function setBalances(db: Db) {
  await sql`
    update accounts_account a set balance = s.total
    from (select customer_id, account_id, sum(amount) as total from accounts_ledger_entry group by customer_id, account_id) s
    where s.customer_id = a.customer_id and s.account_id = a.id`.execute(db);
  await sql`
    insert into accounts_block (customer_id, id, account_id, reason, started_at)
    select customer_id, gen_random_uuid(), id, 'debt', now() from accounts_account
    where block_threshold is not null and balance < block_threshold
    on conflict do nothing`.execute(db);
}
