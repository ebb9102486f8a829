import { Type } from 'typebox';
import { DateTime, Id, Nullable } from '../../platform/http/schemas.ts';
import { MAX_PAGE } from './history.ts';
import { AccountKind, ChargeType, EntryKind, IsoDate, Kopecks } from './schemas.ts';

export const UsageMetric = Type.Enum(['traffic_mb', 'water_m3', 'electricity_kwh', 'operations']);
export const ExportFormat = Type.Enum(['csv', 'xlsx'], { description: 'csv: UTF-8 with BOM, «;», rubles with a decimal comma; xlsx: money as numbers formatted in ₽' });

const EntryFilter = {
  kind: Type.Optional(Type.Array(EntryKind, { maxItems: 5, description: 'Only these kinds (repeat the parameter)' })),
  chargeType: Type.Optional(ChargeType),
  serviceCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(Type.Unsafe<string>({ ...IsoDate, description: 'First day, a calendar date in the provider’s time zone' })),
  to: Type.Optional(Type.Unsafe<string>({ ...IsoDate, description: 'Last day (inclusive), a calendar date in the provider’s time zone' })),
};

export const EntryQuery = Type.Object({
  ...EntryFilter,
  cursor: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 })),
});

export const EntryExportQuery = Type.Object({ ...EntryFilter, format: ExportFormat });

export const Entry = Type.Object({
  id: Id,
  kind: EntryKind,
  amount: Type.Unsafe<number>({ ...Kopecks, description: 'The effect on the balance in kopecks: charges negative, payments positive' }),
  chargeType: Nullable(ChargeType),
  serviceCode: Nullable(Type.String()),
  period: Nullable(IsoDate),
  description: Nullable(Type.String()),
  occurredAt: DateTime,
});

export const EntryPage = Type.Object({ items: Type.Array(Entry), nextCursor: Nullable(Id) });

export const StatementQuery = Type.Object({ from: IsoDate, to: IsoDate });
export const StatementExportQuery = Type.Object({ from: IsoDate, to: IsoDate, format: ExportFormat });

export const StatementResponse = Type.Object({
  account: Type.Object({ id: Id, number: Type.String(), kind: AccountKind, address: Nullable(Type.String()) }),
  from: IsoDate,
  to: IsoDate,
  openingBalance: Kopecks,
  closingBalance: Kopecks,
  turnover: Type.Object(
    { credit: Kopecks, debit: Kopecks },
    { description: 'credit: the sum of positive entries; debit: the sum of negative ones (negative); closing = opening + credit + debit' },
  ),
  charges: Type.Object({
    total: Kopecks,
    oneTime: Kopecks,
    periodic: Kopecks,
    byService: Type.Array(Type.Object({ serviceCode: Nullable(Type.String()), chargeType: ChargeType, amount: Kopecks, count: Type.Integer() })),
  }),
  payments: Kopecks,
  corrections: Kopecks,
  promisedCredits: Kopecks,
  promisedReversals: Kopecks,
  entryCount: Type.Integer({ description: 'Entries in the period' }),
  entries: Type.Array(Type.Object({ ...Entry.properties, balanceAfter: Kopecks }), { description: 'Oldest first, at most 1000; the exports hold them all' }),
  truncated: Type.Boolean({ description: 'More entries than listed: download the statement for all of them' }),
});

export const UsageQuery = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  granularity: Type.Optional(Type.Enum(['day', 'month'], { default: 'day' })),
  metric: Type.Optional(UsageMetric),
});

const UsagePoint = Type.Object({ period: IsoDate, quantity: Type.Number() });

export const UsageResponse = Type.Object({
  metric: Nullable(UsageMetric),
  metrics: Type.Array(UsageMetric),
  granularity: Type.Enum(['day', 'month']),
  from: IsoDate,
  to: IsoDate,
  series: Type.Array(UsagePoint, { description: 'One point per day or month (its first day), zero where nothing was recorded' }),
  total: Type.Number(),
  average: Type.Number(),
  peak: Nullable(UsagePoint),
});

export const FileDownload = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
