export const paths = {
  home: '/',
  login: '/login',
  register: '/register',
  recovery: '/recovery',
  business: '/business',
  businessSubscriber: '/business/subscriber',
  joinCompany: '/business/join',
  cabinet: '/cabinet',
  accounts: '/accounts',
  account: '/accounts/:accountId',
  accountBlocks: '/accounts/:accountId/blocks',
  accountHistory: '/accounts/:accountId/history',
  accountUsage: '/accounts/:accountId/usage',
  accountPayments: '/accounts/:accountId/payments',
  payTest: '/pay/test/:gatewayPaymentId',
  payInvoice: '/pay/i/:token',
  payDone: '/pay/done/:ownerId/:paymentId',
  accountTariff: '/accounts/:accountId/tariff',
  accountServices: '/accounts/:accountId/services',
  family: '/family',
  employees: '/employees',
  employeesRequests: '/employees/requests',
  settings: '/settings',
  settingsProfile: '/settings/profile',
  settingsSecurity: '/settings/security',
  settingsSessions: '/settings/sessions',
  settingsActivity: '/settings/activity',
  settingsNotifications: '/settings/notifications',
  settingsHacked: '/settings/hacked',
  staffSetup: '/staff/setup',
  backoffice: '/backoffice',
  backofficeStaff: '/backoffice/staff',
  backofficeUsers: '/backoffice/users',
  backofficeUser: '/backoffice/users/:id',
  backofficeJoinRequests: '/backoffice/join-requests',
  backofficeOutbox: '/backoffice/outbox',
  backofficeActivations: '/backoffice/activations',
  backofficeCompanies: '/backoffice/companies',
  backofficeCompany: '/backoffice/companies/:id',
  backofficeProfiles: '/backoffice/profiles',
  backofficeProfile: '/backoffice/profiles/:id',
  backofficeAccounts: '/backoffice/accounts',
  backofficeAccount: '/backoffice/accounts/:ownerId/:accountId',
  backofficePromisedSettings: '/backoffice/settings/promised-payment',
  backofficePaymentRequisites: '/backoffice/settings/payment-requisites',
  backofficeIntegration: '/backoffice/integration',
  backofficeImports: '/backoffice/imports',
  backofficeTariffs: '/backoffice/tariffs',
} as const;

/** The sign-in page, asked to come back to `next` afterwards. */
export function loginPath(next?: string): string {
  return next ? `${paths.login}?${new URLSearchParams({ next })}` : paths.login;
}

/** One personal account's page, or one of its tabs (`accountPath(id, 'blocks')`). */
export function accountPath(accountId: string, tab?: string): string {
  return `${paths.accounts}/${encodeURIComponent(accountId)}${tab ? `/${tab}` : ''}`;
}

/** A customer's page in the back office. */
export function backofficeUserPath(id: string): string {
  return `${paths.backofficeUsers}/${encodeURIComponent(id)}`;
}

/** A company's page in the back office (moderation). */
export function backofficeCompanyPath(id: string): string {
  return `${paths.backofficeCompanies}/${encodeURIComponent(id)}`;
}

/** A personal account in the back office, by its customer and id. */
export function backofficeAccountPath(ownerId: string, accountId: string): string {
  return `${paths.backofficeAccounts}/${encodeURIComponent(ownerId)}/${encodeURIComponent(accountId)}`;
}

/** A relative's profile in the back office. */
export function backofficeProfilePath(id: string): string {
  return `${paths.backofficeProfiles}/${encodeURIComponent(id)}`;
}
