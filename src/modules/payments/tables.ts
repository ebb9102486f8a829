import type { ColumnType, Generated } from 'kysely';

export type PaymentStatus = 'pending' | 'succeeded' | 'canceled';
export type GatewayName = 'test' | 'yookassa';

export interface PaymentsTables {
  /** A payment of a personal account through an online gateway; `id` is also the gateway's idempotency key. */
  payments_payment: {
    customer_id: string;
    id: string;
    account_id: string;
    /** Kopecks, positive. */
    amount: number;
    description: string;
    status: PaymentStatus;
    gateway: GatewayName;
    gateway_payment_id: string | null;
    confirmation_url: string | null;
    return_url: string;
    invoice_id: string | null;
    created_by: string | null;
    cancel_reason: string | null;
    created_at: Date;
    updated_at: Date;
    settled_at: Date | null;
  };
  /** «Счёт на оплату»: a number, an amount, the payer as issued, and the hash of its public link's token. */
  payments_invoice: {
    customer_id: string;
    id: string;
    account_id: string;
    number: string;
    amount: number;
    purpose: string;
    payer_name: string;
    payer_inn: string | null;
    payer_kpp: string | null;
    token_hash: string;
    created_by: string | null;
    created_at: Date;
    paid_at: Date | null;
  };
  /** The provider's bank requisites: one row, absent until an administrator sets them. */
  payments_requisites: {
    id: Generated<boolean>;
    payee_name: string;
    inn: string;
    kpp: string | null;
    address: string | null;
    bank_name: string;
    bic: string;
    settlement_account: string;
    correspondent_account: string;
    updated_by: string | null;
    updated_at: Date;
  };
  /** The built-in test gateway's own records (what a real gateway keeps on its servers). */
  payments_test_gateway_payment: {
    id: string;
    idempotency_key: string;
    amount: number;
    description: string;
    return_url: string;
    metadata: ColumnType<Record<string, string>, string, string>;
    status: PaymentStatus;
    created_at: Date;
    decided_at: Date | null;
  };
}
