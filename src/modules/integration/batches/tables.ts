export interface BatchTables {
  /** The billing's own id of a customer → our customer (see the migration). */
  integration_customer_ref: {
    customer_id: string;
    external_id: string;
    created_at: Date;
  };
}
