import path from 'node:path';
import type { HttpRegistryOptions } from './modules/parties/companies/registry/http.ts';
import type { PaymentsConfig } from './modules/payments/gateway.ts';
import type { HttpSmsGatewayOptions, SmsGatewayAuth } from './platform/sms/gateway.ts';

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  /** Embedded mode: the PGlite data directory. Ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** The address customers use; links in messages are built from it, never from the Host header. */
  publicUrl: URL;
  timeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Proxies whose X-Forwarded-* headers are believed (addresses or CIDRs); none by default. */
  trustedProxies: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Without it (the embedded default) SMS stay in the outbox. */
  smsGateway: HttpSmsGatewayOptions | undefined;
  /** A DaData-compatible company registry; without it the local registry table (`kabinet import registry`) answers. */
  registry: HttpRegistryOptions | undefined;
  /** The payment gateway (the built-in test gateway unless YooKassa is configured) and where payers come back. */
  payments: PaymentsConfig;
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** Above this event-loop delay new requests get 503 + Retry-After instead of piling up; 0 turns it off. */
  maxEventLoopDelayMs: number;
  webDistDir: string;
}

export class ConfigError extends Error {
  readonly variable: string;

  constructor(variable: string, expected: string, got: string) {
    super(`${variable} must be ${expected}; got ${JSON.stringify(got)}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  return {
    port,
    host,
    dataDir: path.resolve(env.KABINET_DATA_DIR || 'data'),
    databaseUrl: databaseUrl(env),
    publicUrl: url(env, 'PUBLIC_URL', `http://${host.includes(':') ? `[${host}]` : host}:${port}`),
    timeZone: timeZone(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    trustedProxies: list(env.TRUSTED_PROXIES),
    smtpUrl: smtpUrl(env),
    mailFrom: env.MAIL_FROM || 'Kabinet <no-reply@localhost>',
    smsGateway: smsGateway(env),
    registry: registry(env),
    payments: payments(env, host, port),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1000, 3_600_000),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    maxEventLoopDelayMs: integer(env, 'MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 60_000),
    webDistDir: path.resolve(env.KABINET_WEB_DIR || new URL('../web/dist', import.meta.url).pathname),
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `one of ${allowed.join(', ')}`, raw);
  return raw as T;
}

function url(env: Env, name: string, fallback: string): URL {
  const raw = env[name] || fallback;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed;
  } catch {
    // reported below
  }
  throw new ConfigError(name, 'an http:// or https:// URL', raw);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new ConfigError('DATABASE_URL', 'a postgres:// or postgresql:// URL', raw);
  return raw;
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.SMTP_URL;
  if (!raw) return undefined;
  if (!/^smtps?:\/\//.test(raw)) throw new ConfigError('SMTP_URL', 'an smtp:// or smtps:// URL', raw);
  return raw;
}

function smsGateway(env: Env): HttpSmsGatewayOptions | undefined {
  const raw = env.SMS_GATEWAY_URL;
  if (!raw) {
    const stray = Object.keys(env).find((name) => name.startsWith('SMS_GATEWAY_') && env[name]);
    if (stray) throw new ConfigError('SMS_GATEWAY_URL', `set when ${stray} is set`, '');
    return undefined;
  }
  const okPath = env.SMS_GATEWAY_OK_PATH;
  const okValue = env.SMS_GATEWAY_OK_VALUE;
  if (Boolean(okPath) !== Boolean(okValue)) {
    throw new ConfigError(okPath ? 'SMS_GATEWAY_OK_VALUE' : 'SMS_GATEWAY_OK_PATH', 'set together with the other of SMS_GATEWAY_OK_PATH/SMS_GATEWAY_OK_VALUE', '');
  }
  return {
    url: url(env, 'SMS_GATEWAY_URL', raw),
    method: oneOf(env, 'SMS_GATEWAY_METHOD', ['GET', 'POST'] as const, 'POST'),
    auth: smsGatewayAuth(env.SMS_GATEWAY_AUTH || 'none'),
    params: formParams(env, 'SMS_GATEWAY_PARAMS'),
    toParam: env.SMS_GATEWAY_TO_PARAM || 'to',
    textParam: env.SMS_GATEWAY_TEXT_PARAM || 'msg',
    idPath: jsonPath('SMS_GATEWAY_ID_PATH', env.SMS_GATEWAY_ID_PATH || 'id'),
    ok: okPath && okValue ? { path: jsonPath('SMS_GATEWAY_OK_PATH', okPath), value: okValue } : undefined,
  };
}

function registry(env: Env): HttpRegistryOptions | undefined {
  const raw = env.REGISTRY_URL;
  if (!raw) {
    if (env.REGISTRY_TOKEN) throw new ConfigError('REGISTRY_URL', 'set when REGISTRY_TOKEN is set', '');
    return undefined;
  }
  return {
    url: url(env, 'REGISTRY_URL', raw),
    token: env.REGISTRY_TOKEN || undefined,
    // The company form waits for it: a slow registry gives way to manual entry quickly.
    timeoutMs: integer(env, 'REGISTRY_TIMEOUT_MS', 3000, 100, 60_000),
  };
}

function payments(env: Env, host: string, port: number): PaymentsConfig {
  const kind = oneOf(env, 'PAYMENT_GATEWAY', ['test', 'yookassa'] as const, 'test');
  const returnUrl = url(env, 'PAYMENT_RETURN_URL', env.PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  if (kind === 'test') return { gateway: { kind }, returnUrl };
  for (const name of ['YOOKASSA_SHOP_ID', 'YOOKASSA_SECRET_KEY'] as const) {
    if (!env[name]) throw new ConfigError(name, 'set when PAYMENT_GATEWAY=yookassa', '');
  }
  return {
    gateway: {
      kind,
      apiUrl: url(env, 'YOOKASSA_API_URL', 'https://api.yookassa.ru/v3'),
      shopId: env.YOOKASSA_SHOP_ID!,
      secretKey: env.YOOKASSA_SECRET_KEY!,
      timeoutMs: integer(env, 'YOOKASSA_TIMEOUT_MS', 10_000, 100, 120_000),
    },
    returnUrl,
  };
}

function smsGatewayAuth(raw: string): SmsGatewayAuth {
  if (raw === 'none') return { kind: 'none' };
  const [kind = '', rest = ''] = splitOnce(raw, ':');
  const [first = '', second = ''] = splitOnce(rest, kind === 'basic' ? ':' : '=');
  if (kind === 'bearer' && rest) return { kind: 'bearer', token: rest };
  if (kind === 'basic' && first && second) return { kind: 'basic', user: first, password: second };
  if (kind === 'param' && first && second) return { kind: 'param', name: first, value: second };
  // The value holds a secret: show its kind at most, never the rest.
  const shown = ['bearer', 'basic', 'param'].includes(kind) ? `${kind}:…` : '…';
  throw new ConfigError('SMS_GATEWAY_AUTH', 'none, bearer:<token>, basic:<user>:<password> or param:<name>=<value>', shown);
}

function formParams(env: Env, name: string): Array<[string, string]> {
  const raw = env[name];
  if (!raw) return [];
  if (!raw.split('&').every((pair) => /^[^=]+=/.test(pair))) throw new ConfigError(name, 'name=value pairs joined by & such as json=1&from=Kabinet', raw);
  return [...new URLSearchParams(raw)];
}

function jsonPath(name: string, raw: string): string[] {
  const path = raw.split('.');
  if (path.some((key) => key === '')) throw new ConfigError(name, 'a dotted path of keys such as sms.*.sms_id', raw);
  return path;
}

function splitOnce(raw: string, separator: string): [string, string] | [string] {
  const at = raw.indexOf(separator);
  return at < 0 ? [raw] : [raw.slice(0, at), raw.slice(at + separator.length)];
}

function timeZone(env: Env): string {
  const raw = env.TIME_ZONE || 'Europe/Moscow';
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
    return raw;
  } catch {
    throw new ConfigError('TIME_ZONE', 'an IANA time zone such as Europe/Moscow', raw);
  }
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}
