import { Type } from 'typebox';
import { BoundedText, DateTime, Id } from '../../../platform/http/schemas.ts';
import { CustomerStatus, MemberRole, Nullable } from '../schemas.ts';

// Services return Date; the serializer writes ISO 8601.
const Decision = Type.Union([Type.Literal('approved'), Type.Literal('rejected')]);
const RequestStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('withdrawn')]);

const Inn = Type.String({ pattern: '^(\\d{10}|\\d{12})$', description: 'INN: 10 digits for a legal entity, 12 for a sole proprietor' });
const Kpp = Type.String({ pattern: '^(\\d{4}[0-9A-Z]{2}\\d{3})?$', description: 'KPP of the branch, when several share the INN' });

export const TaxIdQuery = Type.Object({ inn: Inn, kpp: Type.Optional(Kpp) });
export const JoinRequestBody = Type.Object({ inn: Inn, kpp: Type.Optional(Kpp) }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Id });
export const CustomerRequestParams = Type.Object({ customerId: Id, id: Id });
export const CustomerMemberParams = Type.Object({ customerId: Id, userId: Id });
export const ReasonBody = Type.Object({ reason: BoundedText(500) }, { additionalProperties: false });

const Company = Type.Object({ id: Id, name: Type.String(), inn: Type.String(), kpp: Nullable(Type.String()), status: CustomerStatus });
const Person = Type.Object({ id: Id, name: Type.String(), email: Type.String() });

export const CompanyToJoin = Type.Object({
  company: Company,
  /** Where the caller already stands with this company; null when not at all. */
  membershipStatus: Nullable(Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('blocked')])),
  openRequestId: Nullable(Id),
});

const Decisions = {
  status: RequestStatus,
  moderatorDecision: Nullable(Decision),
  moderatorDecidedAt: Nullable(DateTime),
  companyDecision: Nullable(Decision),
  companyDecidedAt: Nullable(DateTime),
  reason: Nullable(Type.String({ description: 'Why it was rejected' })),
  createdAt: DateTime,
};

export const MyJoinRequest = Type.Object({ id: Id, company: Company, ...Decisions, updatedAt: DateTime });
export const MyJoinRequestList = Type.Object({ items: Type.Array(MyJoinRequest) });

export const CompanyJoinRequest = Type.Object({ id: Id, applicant: Person, ...Decisions });
export const CompanyJoinRequestList = Type.Object({ items: Type.Array(CompanyJoinRequest) });

export const Member = Type.Object({
  userId: Id,
  name: Type.String(),
  email: Type.String(),
  role: MemberRole,
  status: Type.Union([Type.Literal('active'), Type.Literal('blocked')]),
  blockedReason: Nullable(Type.String()),
  since: DateTime,
});
export const MemberList = Type.Object({ items: Type.Array(Member) });

export const ChangeRoleBody = Type.Object(
  { role: Type.Union([Type.Literal('administrator'), Type.Literal('accountant'), Type.Literal('employee')], { description: 'Headship moves only by a transfer' }) },
  { additionalProperties: false },
);
export const HeadTransferBody = Type.Object({ userId: Id }, { additionalProperties: false });

export const QueueState = Type.Union([Type.Literal('moderator'), Type.Literal('company'), Type.Literal('decided')], {
  description: 'moderator: waiting for the moderator; company: approved by the moderator, waiting for the company; decided: approved, rejected or withdrawn',
});

export const QueueQuery = Type.Object({
  state: Type.Optional(QueueState),
  query: Type.Optional(Type.String({ maxLength: 100, description: 'A part of the company name, the INN, or the applicant’s name or email' })),
  cursor: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const StaffJoinRequest = Type.Object({
  id: Id,
  customer: Company,
  applicant: Person,
  ...Decisions,
  moderatorName: Nullable(Type.String()),
  companyDeciderName: Nullable(Type.String()),
  companyCanApprove: Type.Boolean({ description: 'False when no active head or administrator can approve: the moderator’s approval alone then opens access, and the applicant becomes the head if the company has none' }),
  updatedAt: DateTime,
});

export const QueuePage = Type.Object({
  items: Type.Array(StaffJoinRequest),
  nextCursor: Nullable(Id),
  counts: Type.Object({ moderator: Type.Integer(), company: Type.Integer(), decided: Type.Integer() }),
});

export const StaffJoinRequestDetail = Type.Object({
  ...StaffJoinRequest.properties,
  audit: Type.Array(
    Type.Object({
      id: Id,
      at: DateTime,
      event: Type.String(),
      actorId: Nullable(Id),
      actorName: Nullable(Type.String()),
      ip: Nullable(Type.String()),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

export const BulkApproveBody = Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }) }, { additionalProperties: false });

export const BulkApproveResult = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      ok: Type.Boolean(),
      status: Nullable(RequestStatus),
      code: Nullable(Type.String({ description: 'Why this one failed: join_request_not_found, join_request_decided…' })),
    }),
  ),
});
