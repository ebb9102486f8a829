export type AccountKind = 'internet' | 'water' | 'acquiring' | 'trade';

export interface AccountsTables {
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
    created_at: Date;
    updated_at: Date;
  };
}
