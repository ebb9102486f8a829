import { Type } from 'typebox';
import { DateTime, Id, Nullable } from '../../platform/http/schemas.ts';

export const Kopecks = Type.Integer({ description: 'Money in kopecks (1 ₽ = 100)', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
export const AccountKind = Type.Enum(['internet', 'water', 'acquiring', 'trade']);
export const BlockReason = Type.Enum(['debt', 'voluntary', 'staff']);
export const EntryKind = Type.Enum(['charge', 'payment', 'correction', 'promised_credit', 'promised_reversal']);
export const ChargeType = Type.Enum(['one_time', 'periodic']);
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const AccountParams = Type.Object({ customerId: Id, accountId: Id });

export const BlockResponse = Type.Object({
  id: Id,
  reason: BlockReason,
  note: Nullable(Type.String()),
  startedAt: DateTime,
  plannedEnd: Nullable(IsoDate),
  endedAt: Nullable(DateTime),
  endNote: Nullable(Type.String()),
});

export const AccountResponse = Type.Object(
  {
    id: Id,
    number: Type.String(),
    kind: AccountKind,
    address: Nullable(Type.String()),
    contractNumber: Nullable(Type.String()),
    subscriberCode: Nullable(Type.String()),
    status: Type.Enum(['active', 'closed']),
    balance: Kopecks,
    blockThreshold: Nullable(Kopecks),
    blockedFor: Type.Array(BlockReason, { description: 'Reasons of the open blocks; empty when the account works' }),
  },
  { $id: 'Account' },
);

export const AccountList = Type.Object({ items: Type.Array(Type.Unsafe({ $ref: 'Account' })) });
export const BlockList = Type.Object({ items: Type.Array(BlockResponse) });
