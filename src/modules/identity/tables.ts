import type { ColumnType, Generated } from 'kysely';

export type UserKind = 'customer' | 'staff';
export type StaffRole = 'administrator' | 'moderator' | 'operator' | 'accountant';
export type FlowKind = 'registration' | 'recovery' | 'email_change' | 'phone_verification' | 'staff_invitation' | 'totp_setup';
export type FlowState = 'pending' | 'completed' | 'failed';
export type SessionState = 'active' | 'awaiting_second_factor';

type Json<T> = ColumnType<T, string, string>;

export interface IdentityTables {
  identity_user: {
    id: string;
    kind: UserKind;
    staff_role: StaffRole | null;
    name: string;
    email: string;
    email_normalized: string;
    phone: string | null;
    password_hash: string;
    password_changed_at: Date;
    must_change_password: Generated<boolean>;
    status: Generated<'active' | 'blocked'>;
    blocked_reason: string | null;
    totp_secret: string | null;
    totp_enabled_at: Date | null;
    totp_last_step: number | null;
    locale: Generated<'ru' | 'en'>;
    marketing_opt_in: Generated<boolean>;
    notify_by_sms: Generated<boolean>;
    created_at: Date;
    updated_at: Date;
  };
  identity_consent: {
    user_id: string;
    document: string;
    version: string;
    accepted_at: Date;
    ip: string | null;
  };
  identity_session: {
    id: string;
    user_id: string;
    token_hash: Buffer;
    state: SessionState;
    remember: boolean;
    created_at: Date;
    authenticated_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
    ended_at: Date | null;
    end_reason: string | null;
  };
  identity_flow: {
    id: string;
    kind: FlowKind;
    user_id: string | null;
    channel: 'email' | 'sms';
    address: string;
    code_hash: Buffer | null;
    attempts: Generated<number>;
    state: FlowState;
    payload: Json<Record<string, unknown>>;
    issued_at: Date;
    code_sent_at: Date | null;
    expires_at: Date;
    completed_at: Date | null;
  };
  identity_backup_code: {
    user_id: string;
    code_hash: Buffer;
    used_at: Date | null;
  };
}
