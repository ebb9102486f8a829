import { readGeneratedSessions } from '../generate/identity.ts';
import { sessionCookieName } from '../../src/modules/identity/auth.ts';
import { hashToken } from '../../src/modules/identity/sessions.ts';
import type { Scenario } from '../support/scenario.ts';

/**
 * The SQL Kysely compiles for `findAuthenticated` (src/modules/identity/sessions.ts), copied
 * verbatim; $1 is the token's hash, $2 the time. Keep it in step when that query changes.
 */
export const SESSION_LOOKUP =
  'select "s"."id" as "sessionId", "s"."state", "s"."remember", "s"."created_at" as "createdAt", "s"."authenticated_at" as "authenticatedAt", ' +
  '"s"."last_seen_at" as "lastSeenAt", "s"."expires_at" as "expiresAt", "u"."id" as "userId", "u"."kind", "u"."staff_role" as "staffRole", ' +
  '"u"."name", "u"."email", "u"."phone", "u"."locale", "u"."totp_enabled_at" as "totpEnabledAt", "u"."must_change_password" as "mustChangePassword", ' +
  '"u"."status" from "identity_session" as "s" inner join "identity_user" as "u" on "u"."id" = "s"."user_id" ' +
  'where "s"."token_hash" = $1 and "s"."ended_at" is null and "s"."expires_at" > $2';

export const me: Scenario = {
  name: 'me',
  description: 'GET /api/v1/me signed in (session cookie, 100 sessions in turn, 10 000 customers): the session lookup, against pgbench running it',
  generate: { customers: 10_000 },
  // The app serves plain http here (PUBLIC_URL http://127.0.0.1:…), so the cookie has no __Host- prefix.
  requests: (data) =>
    readGeneratedSessions(data.dir).tokens.map((token) => ({ method: 'GET', path: '/api/v1/me', headers: { cookie: `${sessionCookieName(false)}=${token}` } })),
  reference: {
    pgbenchSql: (data) => {
      const [token] = readGeneratedSessions(data.dir).tokens as [string];
      return SESSION_LOOKUP.replace('$1', `'\\x${hashToken(token).toString('hex')}'::bytea`).replace('$2', 'now()') + ';\n';
    },
  },
};
