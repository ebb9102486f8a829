import type { Generated } from 'kysely';
import type { AccountKind } from '../accounts/index.ts';

export type CatalogStatus = 'active' | 'archived';
/** How an assignment began: set by the provider, a change from the next period, an immediate change. */
export type ChangeKind = 'assigned' | 'next_period' | 'immediate';

export interface TariffsTables {
  /** Reference data: a tariff plan. Prices are monthly, in kopecks. */
  tariffs_plan: {
    code: string;
    name: string;
    description: string | null;
    account_kind: AccountKind;
    monthly_price: number;
    self_service: Generated<boolean>;
    immediate_change: Generated<boolean>;
    status: Generated<CatalogStatus>;
    created_at: Date;
    updated_at: Date;
  };
  /** Reference data: an add-on service (antivirus and the like). */
  tariffs_service: {
    code: string;
    name: string;
    description: string | null;
    account_kind: AccountKind;
    monthly_price: number;
    self_service: Generated<boolean>;
    status: Generated<CatalogStatus>;
    created_at: Date;
    updated_at: Date;
  };
  /** A plan of an account from `valid_from` to `valid_to` (exclusive; null: open). */
  tariffs_assignment: {
    customer_id: string;
    id: string;
    account_id: string;
    plan_code: string;
    valid_from: string;
    valid_to: string | null;
    change_kind: ChangeKind;
    created_at: Date;
    created_by: string | null;
    cancelled_at: Date | null;
    cancelled_by: string | null;
  };
  /** An add-on service of an account from `valid_from` to `valid_to` (exclusive; null: until cancelled). */
  tariffs_subscription: {
    customer_id: string;
    id: string;
    account_id: string;
    service_code: string;
    valid_from: string;
    valid_to: string | null;
    created_at: Date;
    created_by: string | null;
    cancelled_at: Date | null;
    cancelled_by: string | null;
  };
}
