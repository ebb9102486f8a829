import { Type } from 'typebox';
import { Email, Id } from '../../platform/http/schemas.ts';

const Password = Type.String({ minLength: 1, maxLength: 1024, description: 'At least 8 characters; not one of the most common passwords' });
const Code = Type.String({ pattern: '^\\s*[0-9a-zA-Z-]{4,12}\\s*$', description: 'A one-time code (6 digits) or a backup code' });
const Login = Type.String({ minLength: 3, maxLength: 254, description: 'Email or confirmed phone number' });
const Phone = Type.String({ minLength: 5, maxLength: 32 });

export const FlowParams = Type.Object({ flowId: Id });

export const RegistrationBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Email,
  phone: Type.Optional(Phone),
  password: Password,
  acceptTerms: Type.Literal(true, { description: 'Accepts the terms of use' }),
  acceptPersonalData: Type.Literal(true, { description: 'Consents to the processing of personal data (152-FZ)' }),
});

export const FlowStarted = Type.Object({ flowId: Id });
export const RecoveryStarted = Type.Object({ flowId: Id, channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]) });

export const CodeBody = Type.Object({ code: Code });

export const Me = Type.Object(
  {
    id: Id,
    kind: Type.Union([Type.Literal('customer'), Type.Literal('staff')]),
    staffRole: Type.Union([Type.Literal('administrator'), Type.Literal('moderator'), Type.Literal('operator'), Type.Literal('accountant'), Type.Null()]),
    name: Type.String(),
    email: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    locale: Type.Union([Type.Literal('ru'), Type.Literal('en')]),
    totpEnabled: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
  },
  { $id: 'Me' },
);

export const RegistrationConfirmed = Type.Object({
  user: Me,
  phoneFlowId: Type.Union([Id, Type.Null()], { description: 'Flow whose SMS code confirms the phone given at registration' }),
});

export const LoginBody = Type.Object({
  login: Login,
  password: Password,
  remember: Type.Optional(Type.Boolean({ description: 'Keep me signed in (30 days); ignored for staff' })),
});

export const LoginResponse = Type.Object({
  status: Type.Union([Type.Literal('signed_in'), Type.Literal('second_factor_required')]),
});

export const RecoveryBody = Type.Object({ login: Login });
export const RecoveryCompleteBody = Type.Object({ code: Code, password: Password });
