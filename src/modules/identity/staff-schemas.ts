import { Type } from 'typebox';
import { RecoveryCompleteBody } from './schemas.ts';

/** The code from the invitation email and the password the person chooses. */
export const StaffInvitationCompleteBody = Type.Object(RecoveryCompleteBody.properties, { additionalProperties: false });
