import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery } from 'kysely';
import { sessionCookieName } from '../../src/modules/identity/auth.ts';
import { hashToken } from '../../src/modules/identity/sessions.ts';
import { accountSummaryQuery } from '../../src/modules/accounts/summary.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { readGeneratedAccounts } from '../generate/accounts.ts';
import { readGeneratedSessions } from '../generate/identity.ts';
import { readGeneratedMemberships } from '../generate/parties.ts';
import type { Scenario } from '../support/scenario.ts';
import { MEMBERSHIP_LOOKUP } from './customer.ts';
import { ledgerExtras } from './ledger-extras.ts';
import { SESSION_LOOKUP } from './me.ts';

/** Kysely without a database: compiles the app's own query builders to the SQL they send. */
const compiler = new Kysely<Database>({
  dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() },
});

/** The compiled statement with its parameters written in as literals (uuids and text here), for pgbench. */
function inline(query: CompiledQuery): string {
  return query.sql.replace(/\$(\d+)/g, (_, index: string) => `'${String(query.parameters[Number(index) - 1]).replaceAll("'", "''")}'`);
}

export const dashboard: Scenario = {
  name: 'dashboard',
  description:
    'GET /api/v1/customers/{customerId}/accounts/{accountId} signed in (100 sessions in turn, each reading its company\'s internet account; ' +
    '100 000 customers → 50 000 companies, 100 000 accounts, 10 million ledger entries at the default scale): session lookup, access guard, ' +
    'the account summary (balance kept in step: one row, and its open blocks), against pgbench running those three statements',
  generate: { customers: 100_000 },
  requests: (data) => {
    const { tokens } = readGeneratedSessions(data.dir);
    const { accounts } = readGeneratedAccounts(data.dir);
    return tokens.map((token, index) => {
      const account = accounts[index];
      if (!account) throw new Error(`no generated account for session ${index + 1}`);
      return {
        method: 'GET',
        path: `/api/v1/customers/${account.customerId}/accounts/${account.accountId}`,
        headers: { cookie: `${sessionCookieName(false)}=${token}` },
      };
    });
  },
  reference: {
    pgbenchSql: (data) => {
      const [token] = readGeneratedSessions(data.dir).tokens as [string];
      const [member] = readGeneratedMemberships(data.dir).members as [{ userId: string; customerId: string }];
      const [account] = readGeneratedAccounts(data.dir).accounts as [{ customerId: string; accountId: string }];
      const session = SESSION_LOOKUP.replace('$1', `'\\x${hashToken(token).toString('hex')}'::bytea`).replace('$2', 'now()');
      const membership = MEMBERSHIP_LOOKUP.replace('$1', `'${member.customerId}'`).replace('$2', `'${member.userId}'`);
      // Compiled from the very builder the route runs, so it cannot drift from the code.
      const summary = inline(accountSummaryQuery(compiler, account.customerId, account.accountId).compile());
      return `${session};\n${membership};\n${summary};\n`;
    },
  },
  extras: ledgerExtras,
  note: 'Needs --database=postgres at the default scale: generating 10 million entries into PGlite takes too long.',
};
