export type { AccountsTables, AccountKind, BlockReason, ChargeType, EntryKind, UsageMetric } from './tables.ts';
export { findAccountBySubscriberCode, findAccountByNumber, findAccountsByNumbers, findAccounts, findAccountsByCodeOrNumber, getAccount, type Account } from './store.ts';
export {
  ACCOUNT_COLUMNS,
  applyAccount,
  checkAccountItem,
  checkCustomerFields,
  describeImport,
  importAccounts,
  type AccountOutcome,
  type FieldProblem,
  type ImportedAccount,
  type ImportReport,
} from './import.ts';
export { findContractByNumber, upsertContract, type Contract, type ContractInput, type ContractOutcome, type ContractStatus } from './contracts.ts';
export { amountFits, entryColumns, getBalance, postEntries, postEntry, type LedgerEntry, type NewEntry, type PostOutcome } from './ledger.ts';
export { closeBlock, listBlocks, openBlock, type Block } from './blocking.ts';
export { recordUsage, type UsageOutcome, type UsageRecord } from './usage.ts';
export { getAccountSummary, listCustomerAccounts, type AccountSummary } from './summary.ts';
export { verifyLedger } from './verify.ts';
export { findAccountEntries, type HistoryEntry, type HistoryFilter } from './history.ts';
export { getAccountStatement, type Statement } from './statement.ts';
export { getAccountUsage, type UsageReport } from './usage-report.ts';
export { daysInPeriod, nextPeriod, periodOf } from './period.ts';
export { getAccountState, latestPeriodicCharges, lockAccountState, type AccountState } from './account-state.ts';
export { handleVoluntaryUnblock, liftPlannedBlocks } from './blocks/service.ts';
export { AccountNotFoundError } from './errors.ts';
export { AccountParams, Kopecks, IsoDate } from './schemas.ts';
export { accountsRoutes } from './routes.ts';
