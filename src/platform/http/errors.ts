import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasMessage, localeFrom, t, type Locale, type MessageKey } from '../i18n/index.ts';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** A text in each language of the interface; modules keep theirs next to their error codes. */
export interface Localized {
  ru: string;
  en: string;
}

export interface DomainFieldError {
  field: string;
  code: string;
  message: Localized;
}

export interface AppErrorOptions {
  /** The title; platform errors take theirs from the platform catalog by code. */
  title?: Localized;
  detail?: string;
  errors?: Array<FieldError | DomainFieldError>;
  /** Extra members of the problem document (RFC 9457 extensions). */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
  params?: Record<string, string | number>;
  cause?: unknown;
}

/** A failure the caller can act on: a stable snake_case code, an HTTP status, a localized title. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly options: AppErrorOptions;

  constructor(code: string, status: number, options: AppErrorOptions = {}) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.options = options;
  }
}

export class NotFoundError extends AppError {
  constructor(code = 'not_found', options?: AppErrorOptions) {
    super(code, 404, options);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code = 'service_unavailable', retryAfterSeconds = 5) {
    super(code, 503, { headers: { 'retry-after': String(retryAfterSeconds) } });
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

function localizeField(error: FieldError | DomainFieldError, locale: Locale): FieldError {
  return typeof error.message === 'string' ? (error as FieldError) : { ...error, message: error.message[locale] };
}

export function problemOf(error: AppError, locale: Locale, instance?: string): Problem {
  const key = `errors.${error.code}`;
  const title = error.options.title?.[locale] ?? (hasMessage(key) ? t(locale, key, error.options.params) : error.code);
  return {
    type: 'about:blank',
    title,
    status: error.status,
    code: error.code,
    ...(error.options.detail ? { detail: error.options.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(error.options.errors ? { errors: error.options.errors.map((item) => localizeField(item, locale)) } : {}),
    ...error.options.extra,
  };
}

const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P03', '53300']);

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if (code && DATABASE_DOWN_CODES.has(code)) return true;
  const message = (error as Error).message ?? '';
  return /timeout exceeded when trying to connect|Connection terminated/i.test(message);
}

/** Ajv's validation errors, turned into per-field messages in the caller's language. */
function fieldErrors(error: FastifyError, locale: Locale): FieldError[] {
  return (error.validation ?? []).map((item) => {
    const params = item.params as Record<string, unknown>;
    const missing = typeof params.missingProperty === 'string' ? params.missingProperty : undefined;
    const extra = typeof params.additionalProperty === 'string' ? params.additionalProperty : undefined;
    const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = [path, missing ?? extra].filter(Boolean).join('.') || (error.validationContext ?? 'body');
    const code = item.keyword === 'required' ? 'required' : item.keyword;
    const key = `validation.${code}`;
    const limit = typeof params.limit === 'number' ? params.limit : '';
    return { field, code, message: t(locale, hasMessage(key) ? (key as MessageKey) : 'validation.invalid', { limit }) };
  });
}

function toAppError(error: FastifyError, locale: Locale): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error.validation) return new AppError('validation_failed', 400, { errors: fieldErrors(error, locale) });
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 415);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed_body', 400);
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('malformed_body', 400);
  if (isDatabaseDown(error)) return new ServiceUnavailableError('database_unavailable');
  const status = error.statusCode ?? 500;
  if (status === 503) return new ServiceUnavailableError();
  if (status >= 400 && status < 500) return new AppError(status === 404 ? 'not_found' : 'bad_request', status);
  return undefined;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = localeFrom(request.headers['accept-language']);
  const problem = problemOf(error, locale, request.url);
  for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
  return reply.status(error.status).type('application/problem+json; charset=utf-8').header('content-language', locale).send(problem);
}

/** The one place where failures become problem+json (RFC 9457). */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error, localeFrom(request.headers['accept-language']));
    if (!known) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, new AppError('internal_error', 500));
    }
    if (known.status >= 500) request.log.warn({ err: error }, known.code);
    return sendProblem(request, reply, known);
  });
}
