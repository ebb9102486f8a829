import type { ColumnType, Generated } from 'kysely';

/** bigint columns arrive as numbers (the drivers are set up so); we write numbers. */
export type LimitKind = 'amount' | 'days';
export type PromisedStatus = 'open' | 'reversed';

export interface PromisedTables {
  /** One row: the provider's rules for «Обещанный платёж». */
  promised_settings: {
    id: Generated<boolean>;
    enabled: boolean;
    limit_kind: LimitKind;
    max_amount: number;
    max_days: number;
    duration_days: number;
    min_interval_days: number;
    min_account_age_days: number;
    require_negative_balance: boolean;
    updated_at: ColumnType<Date, Date | undefined, Date>;
    updated_by: string | null;
  };
  /** A promised payment: a credit now, reversed at `expires_at` by the `promised.expiry` job. */
  promised_payment: {
    customer_id: string;
    id: string;
    account_id: string;
    amount: number;
    status: PromisedStatus;
    granted_at: Date;
    granted_by: string | null;
    expires_at: Date;
    reversed_at: Date | null;
  };
}
