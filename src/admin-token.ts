import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from './config.ts';
import { API_SCOPE_LIST, createApiToken } from './modules/integration/index.ts';
import { AppError } from './platform/http/errors.ts';
import { openRuntime } from './server.ts';

export const ADMIN_TOKEN_USAGE = `Usage: kabinet admin token create --name NAME --scope SCOPE [--scope SCOPE ...] [--expires DATE]

Creates an API token for the provider's systems (/api/v1/integration) and prints it once: only
its hash is kept, so copy it now. Revoke it in the back office («Интеграции»).
  --name NAME       what the token is for, e.g. "1С биллинг"
  --scope SCOPE     what it may do; repeat it or separate with commas. One of:
                    ${API_SCOPE_LIST.join(', ')}
  --expires DATE    optional end of validity, ISO 8601 (2027-01-01 or 2027-01-01T00:00:00Z)
Exit codes: 0 created, 1 refused, 2 wrong usage.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      expires: { type: 'string' },
    },
  });
  if (values.help) return undefined;
  if (positionals.length !== 1 || positionals[0] !== 'create') throw new UsageError(`unknown subcommand ${JSON.stringify(positionals.join(' '))}`);
  const scopes = (values.scope ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  if (!values.name) throw new UsageError('--name is required');
  if (scopes.length === 0) throw new UsageError('at least one --scope is required');
  let expiresAt: Date | null = null;
  if (values.expires) {
    expiresAt = new Date(values.expires);
    if (Number.isNaN(expiresAt.getTime())) throw new UsageError('--expires must be an ISO 8601 date');
  }
  return { name: values.name, scopes, expiresAt };
}

/** `kabinet admin token …`: prints the new token on stdout, nothing else there. */
export async function adminTokenCommand(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error;
    console.error(`${(error as Error).message}\n\n${ADMIN_TOKEN_USAGE}`);
    return 2;
  }
  if (!parsed) {
    console.log(ADMIN_TOKEN_USAGE);
    return 0;
  }
  const config = loadConfig();
  const { database, jobs } = await openRuntime(config, pino({ level: config.logLevel }, pino.destination(2)));
  try {
    const created = await createApiToken({ db: database.db, now: new Date(), actorId: null, origin: { ip: null, userAgent: 'kabinet admin token create' } }, parsed);
    console.error(`Created API token "${created.name}" (id ${created.id}) with scopes ${created.scopes.join(', ')}${created.expiresAt ? `, valid until ${created.expiresAt.toISOString()}` : ''}.`);
    console.error('It is shown once, now; only its hash is kept. Send it as "Authorization: Bearer <token>".');
    console.log(created.token);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = (error.options.errors ?? []).map((item) => (typeof item.message === 'string' ? item.message : item.message.en));
    console.error(`Refused: ${[error.options.title?.en ?? error.code, ...fields].join(' ')}`);
    return 1;
  } finally {
    await jobs.stop(config.shutdownTimeoutMs);
    await database.close();
  }
}
