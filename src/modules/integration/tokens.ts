import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DomainFieldError } from '../../platform/http/errors.ts';
import { ApiTokenNotFoundError, IntegrationValidationError } from './errors.ts';
import { isApiScope, type ApiScope } from './scopes.ts';

/** Who acts in the back office (or `null` for the console) and when. */
export interface IntegrationContext {
  db: Db;
  now: Date;
  actorId: string | null;
  origin?: RequestOrigin;
}

export type ApiTokenStatus = 'active' | 'revoked' | 'expired';

/** A token as people see it: never the token, never its hash. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** `kbt_…` plus the last four characters, to tell tokens apart. */
  hint: string;
  scopes: ApiScope[];
  status: ApiTokenStatus;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The token behind an integration request. */
export interface ApiToken {
  id: string;
  name: string;
  scopes: ApiScope[];
}

export interface NewApiToken {
  name: string;
  scopes: string[];
  expiresAt?: Date | null;
}

export const TOKEN_PREFIX = 'kbt_';
const TOKEN_SHAPE = /^kbt_[A-Za-z0-9_-]{43}$/;
/** last_used_at is a hint for people, not an access log: written at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type TokenRow = {
  id: string;
  name: string;
  token_hint: string;
  scopes: ApiScope[];
  created_by: string | null;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const COLUMNS = ['id', 'name', 'token_hint', 'scopes', 'created_by', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const;

function statusOf(row: Pick<TokenRow, 'revoked_at' | 'expires_at'>, now: Date): ApiTokenStatus {
  if (row.revoked_at) return 'revoked';
  if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

function view(row: TokenRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    hint: `${TOKEN_PREFIX}…${row.token_hint}`,
    scopes: row.scopes,
    status: statusOf(row, now),
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function validate(input: NewApiToken, now: Date): { name: string; scopes: ApiScope[]; expiresAt: Date | null } {
  const errors: DomainFieldError[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    errors.push({ field: 'name', code: 'length', message: { ru: 'Название — от 1 до 100 символов.', en: 'The name must be 1 to 100 characters.' } });
  }
  const unknown = input.scopes.filter((scope) => !isApiScope(scope));
  if (unknown.length > 0) {
    errors.push({ field: 'scopes', code: 'unknown_scope', message: { ru: `Неизвестные разрешения: ${unknown.join(', ')}.`, en: `Unknown scopes: ${unknown.join(', ')}.` } });
  } else if (input.scopes.length === 0) {
    errors.push({ field: 'scopes', code: 'required', message: { ru: 'Выберите хотя бы одно разрешение.', en: 'Choose at least one scope.' } });
  }
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    errors.push({ field: 'expiresAt', code: 'in_past', message: { ru: 'Срок действия должен быть в будущем.', en: 'The expiry must be in the future.' } });
  }
  if (errors.length > 0) throw new IntegrationValidationError(errors);
  return { name, scopes: [...new Set(input.scopes as ApiScope[])], expiresAt };
}

/**
 * A new token: 32 random bytes, shown to the caller here and never again; only its sha256 is kept.
 * `actorId` is the administrator (null from the console).
 */
export async function createApiToken(ctx: IntegrationContext, input: NewApiToken): Promise<ApiTokenView & { token: string }> {
  const { name, scopes, expiresAt } = validate(input, ctx.now);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = uuidv7();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('integration_api_token')
      .values({ id, name, token_hash: hashApiToken(token), token_hint: token.slice(-4), scopes, created_by: ctx.actorId, created_at: ctx.now, expires_at: expiresAt })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.now, { event: 'integration.token_created', actorId: ctx.actorId, origin: ctx.origin, details: { tokenId: id, name, scopes, expiresAt } });
    return inserted;
  });
  return { ...view(row, ctx.now), token };
}

export async function listApiTokens(ctx: Pick<IntegrationContext, 'db' | 'now'>): Promise<ApiTokenView[]> {
  const rows = await ctx.db.selectFrom('integration_api_token').select(COLUMNS).orderBy('id', 'desc').execute();
  return rows.map((row) => view(row, ctx.now));
}

/** Revoking is final; revoking a revoked token changes nothing and answers the same. */
export async function revokeApiToken(ctx: IntegrationContext, tokenId: string): Promise<ApiTokenView> {
  return ctx.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('integration_api_token')
      .set({ revoked_at: ctx.now, revoked_by: ctx.actorId })
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (revoked) {
      await recordAudit(trx, ctx.now, { event: 'integration.token_revoked', actorId: ctx.actorId, origin: ctx.origin, details: { tokenId, name: revoked.name } });
      return view(revoked, ctx.now);
    }
    const existing = await trx.selectFrom('integration_api_token').select(COLUMNS).where('id', '=', tokenId).executeTakeFirst();
    if (!existing) throw new ApiTokenNotFoundError();
    return view(existing, ctx.now);
  });
}

/** The live token a bearer string stands for, or undefined (unknown, revoked, expired, malformed). */
export async function authenticateApiToken(db: Db, token: string, now: Date): Promise<ApiToken | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await db
    .selectFrom('integration_api_token')
    .select(['id', 'name', 'scopes', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', hashApiToken(token))
    .executeTakeFirst();
  if (!row || statusOf(row, now) !== 'active') return undefined;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.last_used_at || row.last_used_at < stale) {
    await db
      .updateTable('integration_api_token')
      .set({ last_used_at: now })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', stale)]))
      .execute();
  }
  return { id: row.id, name: row.name, scopes: row.scopes };
}
