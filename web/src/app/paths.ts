export const paths = {
  home: '/',
  login: '/login',
  register: '/register',
  recovery: '/recovery',
  business: '/business',
  cabinet: '/cabinet',
  settings: '/settings',
  settingsProfile: '/settings/profile',
  settingsSecurity: '/settings/security',
  settingsSessions: '/settings/sessions',
  settingsActivity: '/settings/activity',
  settingsNotifications: '/settings/notifications',
  settingsHacked: '/settings/hacked',
} as const;

/** The sign-in page, asked to come back to `next` afterwards. */
export function loginPath(next?: string): string {
  return next ? `${paths.login}?${new URLSearchParams({ next })}` : paths.login;
}
