import type { Db } from '../../platform/db/database.ts';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.ts';
import type { LimitKind } from './tables.ts';

/** The provider's rules for «Обещанный платёж»; administrators edit them in the back office. */
export interface PromisedSettings {
  /** The provider offers promised payments at all. */
  enabled: boolean;
  /** 'amount': at most `maxAmount`; 'days': at most `maxDays` days of the account's monthly charges. */
  limitKind: LimitKind;
  /** Kopecks. */
  maxAmount: number;
  maxDays: number;
  /** How long a promised payment lasts before it is reversed. */
  durationDays: number;
  /** Days from one grant to the next one. */
  minIntervalDays: number;
  /** Days since the account was opened. */
  minAccountAgeDays: number;
  /** Only a negative balance may take one. */
  requireNegativeBalance: boolean;
}

/** What the migration puts in the row; the back office shows them as the starting point. */
export const DEFAULT_PROMISED_SETTINGS: PromisedSettings = {
  enabled: true,
  limitKind: 'amount',
  maxAmount: 50_000,
  maxDays: 7,
  durationDays: 3,
  minIntervalDays: 30,
  minAccountAgeDays: 30,
  requireNegativeBalance: true,
};

export interface PromisedSettingsRecord extends PromisedSettings {
  updatedAt: Date;
  updatedBy: string | null;
}

export async function getPromisedSettings(db: Db): Promise<PromisedSettingsRecord> {
  const row = await db
    .selectFrom('promised_settings')
    .select([
      'enabled',
      'limit_kind as limitKind',
      'max_amount as maxAmount',
      'max_days as maxDays',
      'duration_days as durationDays',
      'min_interval_days as minIntervalDays',
      'min_account_age_days as minAccountAgeDays',
      'require_negative_balance as requireNegativeBalance',
      'updated_at as updatedAt',
      'updated_by as updatedBy',
    ])
    .executeTakeFirst();
  if (!row) throw new Error('promised_settings has no row; run `kabinet migrate`');
  return { ...row, maxAmount: Number(row.maxAmount) };
}

/**
 * Replaces the rules, audited with what they were. Promised payments already granted keep their
 * amount and expiry; the new rules apply from the next request on. `actor` is null for demo data.
 */
export async function setPromisedSettings(
  ctx: { db: Db; now: Date },
  actor: { userId: string; origin?: RequestOrigin } | null,
  settings: PromisedSettings,
): Promise<PromisedSettingsRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getPromisedSettings(trx);
    await trx
      .updateTable('promised_settings')
      .set({
        enabled: settings.enabled,
        limit_kind: settings.limitKind,
        max_amount: settings.maxAmount,
        max_days: settings.maxDays,
        duration_days: settings.durationDays,
        min_interval_days: settings.minIntervalDays,
        min_account_age_days: settings.minAccountAgeDays,
        require_negative_balance: settings.requireNegativeBalance,
        updated_at: ctx.now,
        updated_by: actor?.userId ?? null,
      })
      .execute();
    const { updatedAt: _at, updatedBy: _by, ...previous } = before;
    await recordAudit(trx, ctx.now, {
      event: 'promised.settings_changed',
      actorId: actor?.userId ?? null,
      ...(actor?.origin ? { origin: actor.origin } : {}),
      details: { before: previous, after: settings },
    });
    return getPromisedSettings(trx);
  });
}
