export { BATCH_KINDS, MAX_BATCH_ITEMS, isBatchKind, type BatchContext, type BatchKind, type BatchProblem, type BatchReport } from './runner.ts';
export { BATCH_SPECS, loadBatch, loadUsage, postCharges, postCorrections, postPayments, upsertAccounts, upsertContracts, upsertCustomers } from './service.ts';
export { DEFAULT_FILE_BATCH, importTable, tableFromBuffer, tableFromPath, type FileProgress, type TableSource } from './files.ts';
export { BATCH_IMPORT_USAGE, importFileCommand } from './cli.ts';
export { BATCH_SCOPES, batchRoutes, IMPORT_STAFF } from './routes.ts';
export type { BatchTables } from './tables.ts';
