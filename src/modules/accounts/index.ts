export type { AccountsTables, AccountKind } from './tables.ts';
