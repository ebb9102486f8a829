import { Type, type TSchema } from 'typebox';
import { BoundedText, DateTime, Email, Id } from '../../platform/http/schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// Services return Date; the serializer writes ISO 8601.
const Role = Type.Union([Type.Literal('administrator'), Type.Literal('moderator'), Type.Literal('operator'), Type.Literal('accountant')]);
const Status = Type.Union([Type.Literal('active'), Type.Literal('blocked')]);

export const IdParams = Type.Object({ id: Id });

export const StaffMemberResponse = Type.Object({
  id: Id,
  name: Type.String(),
  email: Type.String(),
  role: Role,
  status: Status,
  blockedReason: Nullable(Type.String()),
  totpEnabled: Type.Boolean(),
  createdAt: DateTime,
});

export const StaffList = Type.Object({ items: Type.Array(StaffMemberResponse) });

export const CreateStaffBody = Type.Object({ email: Email, name: BoundedText(200), role: Role }, { additionalProperties: false });

export const StaffCreated = Type.Object({
  member: StaffMemberResponse,
  invitation: Type.Object({
    flowId: Id,
    setupUrl: Type.String({ description: 'The setup page; the code that opens it went to the new member by email only' }),
  }),
});

export const UpdateStaffBody = Type.Object({ role: Type.Optional(Role) }, { additionalProperties: false });

export const BlockBody = Type.Object({ reason: BoundedText(500) }, { additionalProperties: false });

const CustomerFields = {
  id: Id,
  name: Type.String(),
  email: Type.String(),
  phone: Nullable(Type.String()),
  status: Status,
  blockedReason: Nullable(Type.String()),
  twoFactorEnabled: Type.Boolean(),
  createdAt: DateTime,
};

export const CustomerSummaryResponse = Type.Object(CustomerFields);

export const CustomersQuery = Type.Object({
  query: Type.Optional(Type.String({ maxLength: 100, description: 'A part of the email, phone or name' })),
  cursor: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});

export const CustomersPage = Type.Object({ items: Type.Array(CustomerSummaryResponse), nextCursor: Nullable(Id) });

export const CustomerDetail = Type.Object({
  ...CustomerFields,
  sessions: Type.Array(
    Type.Object({ id: Id, createdAt: DateTime, lastSeenAt: DateTime, ip: Nullable(Type.String()), userAgent: Nullable(Type.String()) }),
  ),
  audit: Type.Array(
    Type.Object({
      id: Id,
      at: DateTime,
      event: Type.String(),
      actorId: Nullable(Id),
      ip: Nullable(Type.String()),
      userAgent: Nullable(Type.String()),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
    { description: 'The newest 50 audit events about the customer' },
  ),
});

export const OutboxQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) });

export const OutboxList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      channel: Type.Union([Type.Literal('mail'), Type.Literal('sms')]),
      to: Type.String(),
      subject: Nullable(Type.String()),
      text: Type.String(),
      createdAt: DateTime,
    }),
  ),
});
