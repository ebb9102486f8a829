import { Type, type TSchema } from 'typebox';
import { DateTime, Email, Id } from '../../platform/http/schemas.ts';

/** A Date in the service, an ISO 8601 string on the wire (the serializer converts it). */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const Code = Type.String({ pattern: '^\\s*[0-9a-zA-Z-]{4,12}\\s*$', description: 'A code from the authenticator app (6 digits) or a backup code' });
const Locale = Type.Union([Type.Literal('ru'), Type.Literal('en')]);

export const ReauthenticateBody = Type.Object({
  password: Password,
  /** Required when two-factor authentication is on. */
  code: Type.Optional(Code),
});

export const ProfileResponse = Type.Object({
  id: Id,
  name: Type.String(),
  email: Type.String(),
  phone: Nullable(Type.String({ description: 'Confirmed phone number (E.164)' })),
  locale: Locale,
  marketingOptIn: Type.Boolean(),
  notifyBySms: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  backupCodesLeft: Type.Integer({ minimum: 0 }),
});

export const UpdateProfileBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
  locale: Type.Optional(Locale),
});

export const ChangePasswordBody = Type.Object({
  currentPassword: Password,
  newPassword: Type.String({ minLength: 1, maxLength: 1024, description: 'At least 8 characters; not one of the most common passwords' }),
});

export const EmailChangeBody = Type.Object({ email: Email });
export const PhoneBody = Type.Object({ phone: Type.String({ minLength: 5, maxLength: 32, description: 'A Russian number in any usual spelling, or +<country><number>' }) });

export const TotpSetupResponse = Type.Object({
  secret: Type.String({ description: 'Base32 secret, for typing into an app by hand' }),
  otpauthUri: Type.String(),
  qrSvg: Type.String({ description: 'The otpauth URI as a QR code, an SVG document' }),
});

export const TotpCodeBody = Type.Object({ code: Code });
export const DisableTwoFactorBody = Type.Object({ password: Password, code: Code });

export const BackupCodesResponse = Type.Object({
  backupCodes: Type.Array(Type.String(), { description: 'Shown once: only their hashes are kept. Each works once.' }),
});

export const SessionParams = Type.Object({ id: Id });

export const SessionsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      createdAt: DateTime,
      lastSeenAt: DateTime,
      ip: Nullable(Type.String()),
      userAgent: Nullable(Type.String()),
      current: Type.Boolean({ description: 'The session making this request' }),
    }),
  ),
});

export const EndedSessionsResponse = Type.Object({ ended: Type.Integer({ minimum: 0 }) });

export const ActivityQuery = Type.Object({
  cursor: Type.Optional(Type.String({ format: 'uuid', description: 'nextCursor of the previous page' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const ActivityResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      event: Type.String({ description: 'Stable event code, e.g. login.succeeded, password.changed' }),
      at: DateTime,
      ip: Nullable(Type.String()),
      userAgent: Nullable(Type.String()),
    }),
  ),
  nextCursor: Nullable(Type.String({ format: 'uuid' })),
});

export const NotificationPreferences = Type.Object(
  {
    marketing: Type.Boolean({ description: 'Advertising mailings (consent under 38-FZ art. 18)' }),
    sms: Type.Boolean({ description: 'Also send notifications by SMS to the confirmed phone' }),
  },
  { description: 'Optional messages only. Service notices (security events, codes, bills) are always sent by email and cannot be turned off.' },
);

export const ReportHackedBody = Type.Object({
  comment: Type.Optional(Type.String({ maxLength: 2000, description: 'What happened, in the person’s words; staff will read it' })),
});
