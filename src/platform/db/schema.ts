import type { SettingsTables } from '../../modules/settings/index.ts';
import type { AccountsTables } from '../../modules/accounts/index.ts';
import type { TariffsTables } from '../../modules/tariffs/tables.ts';
import type { PromisedTables } from '../../modules/promised/tables.ts';
import type { IntegrationTables } from '../../modules/integration/index.ts';
import type { BatchTables } from '../../modules/integration/batches/tables.ts';
import type { IdentityTables } from '../../modules/identity/index.ts';
import type { PartiesTables } from '../../modules/parties/index.ts';
import type { PaymentsTables } from '../../modules/payments/index.ts';
import type { AuditTables } from '../audit/audit.ts';
import type { IdempotencyTables } from '../http/idempotency.ts';
import type { MailTables } from '../mail/store.ts';
import type { SmsTables } from '../sms/store.ts';
import type { ThrottleTables } from '../throttle/throttle.ts';

/** The whole database as Kysely sees it: each module declares its own tables. */
export interface Database extends SettingsTables, MailTables, SmsTables, AuditTables, ThrottleTables, IdentityTables, PartiesTables, AccountsTables, TariffsTables, IdempotencyTables, IntegrationTables, PromisedTables, PaymentsTables, BatchTables {}
