import { Type } from 'typebox';
import { BoundedText, DateTime, Id } from '../../../platform/http/schemas.ts';
import { CustomerParams, Nullable } from '../schemas.ts';

export const Relation = Type.Union([Type.Literal('child'), Type.Literal('parent'), Type.Literal('spouse'), Type.Literal('other')]);
export const FamilyRole = Type.Union([Type.Literal('self'), Type.Literal('guardian'), Type.Literal('representative')]);
// Services return Date; the serializer writes ISO 8601.
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Person = Type.Object({ id: Id, name: Type.String() });

export const CreateFamilyProfileBody = Type.Object(
  {
    name: BoundedText(200),
    birthDate: DateOnly,
    relation: Relation,
  },
  { additionalProperties: false },
);

export const FamilyProfileStatus = Type.Union(
  [
    Type.Literal('awaiting_verification'),
    Type.Literal('verified'),
    Type.Literal('guardianship_ended'),
    Type.Literal('rejected'),
    Type.Literal('blocked'),
  ],
  { description: 'awaiting_verification: waits for the clinic’s code; guardianship_ended: the child came of age' },
);

export const FamilyProfile = Type.Object({
  id: Id,
  name: Type.String(),
  birthDate: Nullable(DateOnly),
  role: FamilyRole,
  relation: Nullable(Relation),
  status: FamilyProfileStatus,
  verified: Type.Boolean({ description: 'Verified profiles unlock records and booking' }),
  guardianshipEndsOn: Nullable(Type.String({ format: 'date', description: "A guardian's access ends on the child's 18th birthday" })),
  rejectionReason: Nullable(Type.String()),
  canDelete: Type.Boolean({ description: 'The caller added it and it was never verified' }),
  createdAt: DateTime,
});

export const FamilyProfileList = Type.Object({
  items: Type.Array(FamilyProfile),
  limit: Type.Integer({ description: 'How many relatives’ profiles one user may have' }),
});

export const ProfileParams = Type.Object({ profileId: Id });

export const RedeemCodeBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const RedeemResult = Type.Object({
  purpose: Type.Union([Type.Literal('verification'), Type.Literal('takeover')]),
  profile: FamilyProfile,
});

export const Representative = Type.Object({
  userId: Id,
  name: Type.String(),
  role: Type.Union([Type.Literal('guardian'), Type.Literal('representative')]),
  relation: Nullable(Relation),
  status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('blocked')]),
  validUntil: Nullable(DateOnly),
  since: DateTime,
});

export const RepresentativeList = Type.Object({ items: Type.Array(Representative) });

export const RepresentativeParams = Type.Object({ customerId: CustomerParams.properties.customerId, userId: Id });

// Back office.

export const QueueFilter = Type.Union([Type.Literal('awaiting'), Type.Literal('verified'), Type.Literal('rejected')]);

export const ProfilesQuery = Type.Object({
  status: Type.Optional(QueueFilter),
  query: Type.Optional(Type.String({ maxLength: 100, description: 'A part of the profile’s name' })),
  cursor: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

const CustomerStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('rejected'), Type.Literal('blocked')]);

export const ProfileQueueItem = Type.Object({
  id: Id,
  name: Type.String(),
  birthDate: Nullable(DateOnly),
  status: CustomerStatus,
  createdAt: DateTime,
  addedBy: Nullable(Person),
  relation: Nullable(Relation),
});

export const ProfileQueuePage = Type.Object({
  items: Type.Array(ProfileQueueItem),
  nextCursor: Nullable(Id),
  counts: Type.Object({ awaiting: Type.Integer(), verified: Type.Integer(), rejected: Type.Integer() }),
});

export const IdParams = Type.Object({ id: Id });

export const ProfileMember = Type.Object({
  userId: Id,
  name: Type.String(),
  email: Type.String(),
  role: Type.String(),
  relation: Nullable(Relation),
  status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('blocked'), Type.Literal('ended')]),
  validUntil: Nullable(DateOnly),
  since: DateTime,
});

export const ProfileCodeRecord = Type.Object({
  id: Id,
  purpose: Type.Union([Type.Literal('verification'), Type.Literal('takeover')]),
  state: Type.Union([Type.Literal('live'), Type.Literal('used'), Type.Literal('expired'), Type.Literal('replaced')]),
  issuedAt: DateTime,
  issuedBy: Person,
  expiresAt: DateTime,
  usedAt: Nullable(DateTime),
  usedBy: Nullable(Person),
});

export const AuditItem = Type.Object({
  id: Id,
  at: DateTime,
  event: Type.String(),
  actor: Nullable(Person),
  ip: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const ProfileDetail = Type.Object({
  id: Id,
  name: Type.String(),
  birthDate: Nullable(DateOnly),
  adult: Type.Boolean(),
  status: CustomerStatus,
  statusReason: Nullable(Type.String()),
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
  decidedBy: Nullable(Person),
  nextCode: Nullable(Type.Union([Type.Literal('verification'), Type.Literal('takeover')], { description: 'What a code issued now would do; null when none can be issued' })),
  members: Type.Array(ProfileMember),
  codes: Type.Array(ProfileCodeRecord),
  audit: Type.Array(AuditItem),
});

export const IssuedCode = Type.Object({
  id: Id,
  code: Type.String({ description: 'Shown this once, to print or read out; only its hash is kept' }),
  purpose: Type.Union([Type.Literal('verification'), Type.Literal('takeover')]),
  issuedAt: DateTime,
  expiresAt: DateTime,
  profile: Type.Object({ id: Id, name: Type.String(), birthDate: Nullable(DateOnly) }),
});

export const RejectBody = Type.Object({ reason: BoundedText(500) }, { additionalProperties: false });
