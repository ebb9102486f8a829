export { settingsRoutes } from './routes.ts';
export { getProviderName, getPublicSettings, setProviderProfile, type PublicSettings } from './service.ts';
export type { ProviderProfile, SettingsTables } from './store.ts';
