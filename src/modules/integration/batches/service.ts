import type { Db } from '../../../platform/db/database.ts';
import { accountsSpec } from './accounts.ts';
import { contractsSpec } from './contracts.ts';
import { customersSpec } from './customers.ts';
import { chargesSpec, correctionsSpec, paymentsSpec } from './entries.ts';
import { runBatch, type BatchContext, type BatchKind, type BatchReport, type BatchSpec, type RunOptions } from './runner.ts';
import { usageSpec } from './usage.ts';

/** Every kind of item the billing sends, shared by the API, `kabinet import` and the back office. */
export const BATCH_SPECS: { [K in BatchKind]: BatchSpec<unknown> } = {
  customers: customersSpec as BatchSpec<unknown>,
  contracts: contractsSpec as BatchSpec<unknown>,
  accounts: accountsSpec as BatchSpec<unknown>,
  charges: chargesSpec as BatchSpec<unknown>,
  payments: paymentsSpec as BatchSpec<unknown>,
  corrections: correctionsSpec as BatchSpec<unknown>,
  usage: usageSpec as BatchSpec<unknown>,
};

/** One batch of `kind` (at most 10,000 items) in one transaction; the report of what became of each item. */
export function loadBatch(db: Db, kind: BatchKind, items: readonly unknown[], ctx: BatchContext, options?: RunOptions): Promise<BatchReport> {
  return runBatch(db, BATCH_SPECS[kind], items, ctx, options);
}

export const upsertCustomers = (db: Db, items: readonly unknown[], ctx: BatchContext, options?: RunOptions) => loadBatch(db, 'customers', items, ctx, options);
export const upsertContracts = (db: Db, items: readonly unknown[], ctx: BatchContext, options?: RunOptions) => loadBatch(db, 'contracts', items, ctx, options);
export const upsertAccounts = (db: Db, items: readonly unknown[], ctx: BatchContext, options?: RunOptions) => loadBatch(db, 'accounts', items, ctx, options);
export const postCharges = (db: Db, items: readonly unknown[], ctx: BatchContext, options?: RunOptions) => loadBatch(db, 'charges', items, ctx, options);
export const postPayments = (db: Db, items: readonly unknown[], ctx: BatchContext, options?: RunOptions) => loadBatch(db, 'payments', items, ctx, options);
export const postCorrections = (db: Db, items: readonly unknown[], ctx: BatchContext, options?: RunOptions) => loadBatch(db, 'corrections', items, ctx, options);
export const loadUsage = (db: Db, items: readonly unknown[], ctx: BatchContext, options?: RunOptions) => loadBatch(db, 'usage', items, ctx, options);
