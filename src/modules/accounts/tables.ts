import type { ColumnType, Generated } from 'kysely';

export type AccountKind = 'internet' | 'water' | 'acquiring' | 'trade';
export type EntryKind = 'charge' | 'payment' | 'correction' | 'promised_credit' | 'promised_reversal';
export type ChargeType = 'one_time' | 'periodic';
export type BlockReason = 'debt' | 'voluntary' | 'staff';
export type UsageMetric = 'traffic_mb' | 'water_m3' | 'electricity_kwh' | 'operations';

/** numeric columns arrive as strings from both engines; we write numbers. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface AccountsTables {
  /** A contract of a customer; its accounts name it by number. */
  accounts_contract: {
    customer_id: string;
    id: string;
    number: string;
    signed_on: string | null;
    status: Generated<'active' | 'closed'>;
    created_at: Date;
    updated_at: Date;
  };
  /** A personal account («лицевой счёт») of a customer; subscriber codes identify it in registration. */
  accounts_account: {
    customer_id: string;
    id: string;
    number: string;
    subscriber_code: string | null;
    contract_number: string | null;
    kind: AccountKind;
    address: string | null;
    status: 'active' | 'closed';
    /** Kopecks; the sum of the account's ledger entries, updated in the same transaction as they are. */
    balance: Generated<number>;
    block_threshold: number | null;
    created_at: Date;
    updated_at: Date;
  };
  /** Append-only: corrections are new entries. `amount` is the effect on the balance in kopecks. */
  accounts_ledger_entry: {
    customer_id: string;
    id: string;
    account_id: string;
    external_id: string;
    kind: EntryKind;
    amount: number;
    charge_type: ChargeType | null;
    service_code: string | null;
    period: string | null;
    description: string | null;
    occurred_at: Date;
    source: string;
    created_at: Date;
  };
  accounts_block: {
    customer_id: string;
    id: string;
    account_id: string;
    reason: BlockReason;
    note: string | null;
    started_at: Date;
    started_by: string | null;
    planned_end: string | null;
    ended_at: Date | null;
    ended_by: string | null;
    end_note: string | null;
  };
  accounts_usage: {
    customer_id: string;
    account_id: string;
    day: string;
    metric: UsageMetric;
    quantity: Numeric;
    created_at: Date;
  };
}
