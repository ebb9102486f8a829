export type { AccountsTables, AccountKind } from './tables.ts';
export { findAccountBySubscriberCode, findAccounts, findAccountsByCodeOrNumber, getAccount, type Account } from './store.ts';
export { ACCOUNT_COLUMNS, describeImport, importAccounts, type ImportReport } from './import.ts';
