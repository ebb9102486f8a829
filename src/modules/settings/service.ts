import type { Db } from '../../platform/db/database.ts';
import { ProviderProfileMissing } from './errors.ts';
import { findProviderProfile, updateProviderProfile, type ProviderProfile } from './store.ts';

export interface SettingsContext {
  db: Db;
  now: Date;
  timeZone: string;
}

export interface PublicSettings extends ProviderProfile {
  timeZone: string;
}

/** What any visitor may see: the provider's name, logo and support contacts. */
export async function getPublicSettings(ctx: SettingsContext): Promise<PublicSettings> {
  const profile = await findProviderProfile(ctx.db);
  if (!profile) throw new ProviderProfileMissing();
  return { ...profile, timeZone: ctx.timeZone };
}

export async function setProviderProfile(ctx: SettingsContext, profile: ProviderProfile): Promise<void> {
  await updateProviderProfile(ctx.db, profile, ctx.now);
}

/** The provider's name, for signatures in messages. */
export async function getProviderName(db: Db): Promise<string> {
  const profile = await findProviderProfile(db);
  if (!profile) throw new ProviderProfileMissing();
  return profile.name;
}
