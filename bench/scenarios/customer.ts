import { readGeneratedSessions } from '../generate/identity.ts';
import { readGeneratedMemberships } from '../generate/parties.ts';
import { sessionCookieName } from '../../src/modules/identity/auth.ts';
import { hashToken } from '../../src/modules/identity/sessions.ts';
import type { Scenario } from '../support/scenario.ts';
import { SESSION_LOOKUP } from './me.ts';

/**
 * The SQL Kysely compiles for `findMembership` (src/modules/parties/memberships.ts), which the
 * access guard (parties/access.ts `admit`) runs for every `/customers/:customerId/...` request,
 * copied verbatim; $1 is the customer's id, $2 the user's. Keep it in step when that query changes.
 */
export const MEMBERSHIP_LOOKUP =
  'select "m"."customer_id" as "customerId", "m"."user_id" as "userId", "m"."role", "m"."status", "m"."pending_step" as "pendingStep", ' +
  '"m"."relation", "m"."valid_until" as "validUntil", "c"."kind" as "customerKind", "c"."status" as "customerStatus", "c"."name" as "customerName" ' +
  'from "party_membership" as "m" inner join "party_customer" as "c" on "c"."id" = "m"."customer_id" where "m"."customer_id" = $1 and "m"."user_id" = $2';

/**
 * The SQL Kysely compiles for `getCustomerForMember` (src/modules/parties/customers.ts), copied
 * verbatim; $1 is the customer's id. Keep it in step when that query changes.
 */
const CUSTOMER_SELECT =
  'select "id", "kind", "status", "status_reason" as "statusReason", "name", "short_name" as "shortName", "inn", "kpp", "ogrn", ' +
  '"legal_address" as "legalAddress", "head_name" as "headName", "birth_date" as "birthDate" from "party_customer" where "id" = $1';

export const customer: Scenario = {
  name: 'customer',
  description:
    'GET /api/v1/customers/{customerId} signed in (100 sessions in turn, each for its own company; 10 000 customers, 5 000 companies): ' +
    'session lookup, access guard, customer read, against pgbench running those three statements',
  generate: { customers: 10_000 },
  // The app serves plain http here (PUBLIC_URL http://127.0.0.1:…), so the cookie has no __Host- prefix.
  requests: (data) => {
    const { tokens } = readGeneratedSessions(data.dir);
    const { members } = readGeneratedMemberships(data.dir);
    return tokens.map((token, index) => {
      const member = members[index];
      if (!member) throw new Error(`no generated membership for session ${index + 1}`);
      return { method: 'GET', path: `/api/v1/customers/${member.customerId}`, headers: { cookie: `${sessionCookieName(false)}=${token}` } };
    });
  },
  reference: {
    // One transaction of pgbench = one request's database work: the three statements, one after another.
    pgbenchSql: (data) => {
      const [token] = readGeneratedSessions(data.dir).tokens as [string];
      const [member] = readGeneratedMemberships(data.dir).members as [{ userId: string; customerId: string }];
      const session = SESSION_LOOKUP.replace('$1', `'\\x${hashToken(token).toString('hex')}'::bytea`).replace('$2', 'now()');
      const membership = MEMBERSHIP_LOOKUP.replace('$1', `'${member.customerId}'`).replace('$2', `'${member.userId}'`);
      const read = CUSTOMER_SELECT.replace('$1', `'${member.customerId}'`);
      return `${session};\n${membership};\n${read};\n`;
    },
  },
};
