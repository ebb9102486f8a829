import type { Generated } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface SettingsTables {
  provider_profile: {
    id: Generated<boolean>;
    name: string;
    logo_url: string | null;
    support_phones: Generated<string[]>;
    support_email: string | null;
    support_hours: string | null;
    updated_at: Generated<Date>;
  };
}

export interface ProviderProfile {
  name: string;
  logoUrl: string | null;
  supportPhones: string[];
  supportEmail: string | null;
  supportHours: string | null;
}

export async function findProviderProfile(db: Db): Promise<ProviderProfile | undefined> {
  return db
    .selectFrom('provider_profile')
    .select(['name', 'logo_url as logoUrl', 'support_phones as supportPhones', 'support_email as supportEmail', 'support_hours as supportHours'])
    .executeTakeFirst();
}

export async function updateProviderProfile(db: Db, profile: ProviderProfile, now: Date) {
  await db
    .updateTable('provider_profile')
    .set({
      name: profile.name,
      logo_url: profile.logoUrl,
      support_phones: profile.supportPhones,
      support_email: profile.supportEmail,
      support_hours: profile.supportHours,
      updated_at: now,
    })
    .execute();
}
