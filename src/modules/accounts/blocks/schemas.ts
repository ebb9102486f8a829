import { Type } from 'typebox';
import { Id, Nullable } from '../../../platform/http/schemas.ts';
import { AccountResponse, BlockResponse, IsoDate } from '../schemas.ts';

export const VoluntaryBlockBody = Type.Object(
  { plannedEnd: Type.Optional(Nullable(IsoDate)) },
  { additionalProperties: false, description: 'The day the block is lifted by itself (provider time zone): from tomorrow, at most 90 days ahead; none — until lifted' },
);

export const StaffReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500, description: 'Shown to the customer in the block history' }) }, { additionalProperties: false });

export const StaffAccountParams = Type.Object({ ownerId: Id, accountId: Id });
export const StaffAccountQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 64, description: 'Account number or subscriber code, exactly' }) });

export const StaffAccount = Type.Object({ ...AccountResponse.properties, customerId: Id });
export const StaffAccountList = Type.Object({ items: Type.Array(StaffAccount) });
export const StaffAccountDetail = Type.Object({ ...AccountResponse.properties, customerId: Id, blocks: Type.Array(BlockResponse) });
