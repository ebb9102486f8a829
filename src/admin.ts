import { parseArgs } from 'node:util';
import pino from 'pino';
import { adminTokenCommand } from './admin-token.ts';
import { loadConfig, type Config } from './config.ts';
import { createStaff, createStaffWithPassword, type IdentityContext, type NewStaff, type StaffRole } from './modules/identity/index.ts';
import { AppError } from './platform/http/errors.ts';
import { createMailDelivery, handleMailSend } from './platform/mail/mail.ts';
import { openRuntime } from './server.ts';

const ROLES: readonly StaffRole[] = ['administrator', 'moderator', 'operator', 'accountant'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const ADMIN_USAGE = `Usage: kabinet admin create --email EMAIL --name NAME [--role ROLE] [--password-stdin]

Creates a staff user from the console — the first administrator, or anyone later.
  --email EMAIL       their work address; refused when any account already uses it
  --name NAME         their full name
  --role ROLE         administrator (default), moderator, operator or accountant
  --password-stdin    read their password from stdin (for automation; checked against the
                      password policy) instead of inviting them

Without --password-stdin the user gets no password: a one-time code is emailed to them (kept in
the outbox when SMTP_URL is not set — read it with 'kabinet outbox') and a setup link built from
PUBLIC_URL is printed here. They open the link, enter the code and choose a password. Staff
turn on two-factor authentication at their first sign-in.
Exit codes: 0 created, 1 refused or failed, 2 wrong usage.
API tokens for integrations: 'kabinet admin token create --help'.
Stop a running 'kabinet start' on the same embedded data directory first.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'administrator' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  if (values.help) return undefined;
  if (positionals.length !== 1 || positionals[0] !== 'create') throw new UsageError(`unknown subcommand ${JSON.stringify(positionals.join(' '))}`);
  const email = values.email?.trim() ?? '';
  const name = values.name?.trim() ?? '';
  if (!EMAIL.test(email) || email.length > 254) throw new UsageError('--email must be an email address');
  if (name.length === 0 || name.length > 200) throw new UsageError('--name must be 1 to 200 characters');
  const role = ROLES.find((candidate) => candidate === values.role);
  if (!role) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return { staff: { email, name, role } satisfies NewStaff, passwordFromStdin: values['password-stdin'] };
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError(`--password-stdin reads a pipe: printf '%s' "$PASSWORD" | kabinet admin create ...`);
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  return input.replace(/\r?\n$/, '');
}

/** `kabinet admin …`; prints its result on stdout, logs on stderr. */
export async function adminCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'token') return adminTokenCommand(argv.slice(1));
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error;
    console.error(`${(error as Error).message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  if (!parsed) {
    console.log(ADMIN_USAGE);
    return 0;
  }
  const password = parsed.passwordFromStdin ? await readPassword() : undefined;
  const config = loadConfig();
  const { database, jobs } = await openRuntime(config, pino({ level: config.logLevel }, pino.destination(2)));
  try {
    const ctx: IdentityContext = { db: database.db, jobs, now: new Date(), origin: { ip: null, userAgent: 'kabinet admin create' }, locale: 'ru' };
    const { staff } = parsed;
    const who = `${staff.role} ${staff.name} <${staff.email}>`;
    if (password !== undefined) {
      const member = await createStaffWithPassword(ctx, { ...staff, password });
      console.log(`Created ${who} (id ${member.id}) with the password from stdin.\nAt the first sign-in they turn on two-factor authentication.`);
      return 0;
    }
    const { member, invitation } = await createStaff(ctx, null, staff, config.publicUrl);
    console.log(`Created ${who} (id ${member.id}).`);
    await deliverNow(config, database.db, invitation.mailId, staff.email);
    console.log(`Setup link (valid 24 hours): ${invitation.setupUrl}\nThey open it, enter the code from the email and choose a password; at the first sign-in they turn on two-factor authentication.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`Refused: ${describe(error)}`);
    return 1;
  } finally {
    await jobs.stop(config.shutdownTimeoutMs);
    await database.close();
  }
}

/** No server may be running to pick the job up; delivering here puts the code in the outbox (or mailbox) now. */
async function deliverNow(config: Config, db: Parameters<typeof handleMailSend>[0], mailId: string, to: string) {
  try {
    await handleMailSend(db, createMailDelivery(config.smtpUrl, config.mailFrom))({ messageId: mailId });
    console.log(config.smtpUrl ? `The one-time code was emailed to ${to}.` : `The one-time code to ${to} is in the outbox (no SMTP_URL): read it with 'kabinet outbox'.`);
  } catch (error) {
    console.error(`The email with the code could not be sent now (${(error as Error).message}); 'kabinet start' will retry it.`);
  }
}

function describe(error: AppError): string {
  const fields = (error.options.errors ?? []).map((item) => (typeof item.message === 'string' ? item.message : item.message.en));
  return [error.options.title?.en ?? error.code, ...fields].join(' ');
}
