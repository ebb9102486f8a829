import { createBrowserRouter, redirect } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout';
import { ActivityTab } from '../pages/account/settings/components/ActivityTab';
import { HackedTab } from '../pages/account/settings/components/HackedTab';
import { NotificationsTab } from '../pages/account/settings/components/NotificationsTab';
import { ProfileTab } from '../pages/account/settings/components/ProfileTab';
import { SecurityTab } from '../pages/account/settings/components/SecurityTab';
import { SessionsTab } from '../pages/account/settings/components/SessionsTab';
import { SettingsPage } from '../pages/account/settings/SettingsPage';
import { BackofficeIndex } from '../pages/backoffice/layout/BackofficeIndex';
import { AccountPage as BackofficeAccountPage } from '../pages/backoffice/accounts/AccountPage';
import { AccountsPage as BackofficeAccountsPage } from '../pages/backoffice/accounts/AccountsPage';
import { PromisedSettingsPage } from '../pages/backoffice/accounts/PromisedSettingsPage';
import { RequisitesPage } from '../pages/backoffice/payments/RequisitesPage';
import { CompaniesPage } from '../pages/backoffice/companies/CompaniesPage';
import { CompanyPage } from '../pages/backoffice/companies/CompanyPage';
import { JoinRequestsPage } from '../pages/backoffice/join-requests/JoinRequestsPage';
import { IntegrationPage } from '../pages/backoffice/integration/IntegrationPage';
import { ImportsPage } from '../pages/backoffice/imports/ImportsPage';
import { BackofficeLayout } from '../pages/backoffice/layout/BackofficeLayout';
import { ActivationsPage } from '../pages/backoffice/activations/ActivationsPage';
import { OutboxPage } from '../pages/backoffice/outbox/OutboxPage';
import { ProfilePage } from '../pages/backoffice/profiles/ProfilePage';
import { ProfilesPage } from '../pages/backoffice/profiles/ProfilesPage';
import { StaffPage } from '../pages/backoffice/staff/StaffPage';
import { UserPage } from '../pages/backoffice/user/UserPage';
import { UsersPage } from '../pages/backoffice/users/UsersPage';
import { AccountPage } from '../pages/accounts/AccountPage';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { BlocksTab } from '../pages/accounts/components/BlocksTab';
import { HistoryTab } from '../pages/accounts/ledger/HistoryTab';
import { UsageTab } from '../pages/accounts/ledger/UsageTab';
import { ServicesTab } from '../pages/accounts/tariffs/ServicesTab';
import { TariffTab } from '../pages/accounts/tariffs/TariffTab';
import { TariffsPage } from '../pages/backoffice/tariffs/TariffsPage';
import { OverviewTab } from '../pages/accounts/components/OverviewTab';
import { PaymentsTab } from '../pages/accounts/payments/PaymentsTab';
import { PaymentDonePage } from '../pages/public/pay/PaymentDonePage';
import { PublicInvoicePage } from '../pages/public/pay/PublicInvoicePage';
import { TestGatewayPage } from '../pages/public/pay/TestGatewayPage';
import { CabinetPage } from '../pages/cabinet/home/CabinetPage';
import { LoginPage } from '../pages/identity/login/LoginPage';
import { RecoveryPage } from '../pages/identity/recovery/RecoveryPage';
import { RegisterPage } from '../pages/identity/register/RegisterPage';
import { StaffSetupPage } from '../pages/identity/staff-setup/StaffSetupPage';
import { BusinessPage } from '../pages/parties/business/BusinessPage';
import { SubscriberRegistrationPage } from '../pages/parties/subscribers/SubscriberRegistrationPage';
import { FamilyPage } from '../pages/parties/family/FamilyPage';
import { EmployeesPage } from '../pages/parties/employees/EmployeesPage';
import { MembersTab } from '../pages/parties/employees/components/MembersTab';
import { RequestsTab } from '../pages/parties/employees/components/RequestsTab';
import { JoinPage } from '../pages/parties/join/JoinPage';
import { HomePage } from '../pages/public/home/HomePage';
import { NotFoundPage } from '../pages/public/not-found/NotFoundPage';
import { RootErrorPage } from '../pages/public/route-error/RootErrorPage';
import { RouteErrorPage } from '../pages/public/route-error/RouteErrorPage';
import { paths } from './paths';
import { RequireAuth } from './RequireAuth';
import { RequireStaff } from './RequireStaff';

export const router = createBrowserRouter([
  {
    path: paths.home,
    Component: AppLayout,
    // Used only when the layout itself fails; page errors are caught below, inside the layout.
    ErrorBoundary: RootErrorPage,
    children: [
      {
        ErrorBoundary: RouteErrorPage,
        children: [
          { index: true, Component: HomePage },
          { path: paths.login, Component: LoginPage },
          { path: paths.register, Component: RegisterPage },
          { path: paths.recovery, Component: RecoveryPage },
          { path: paths.business, Component: BusinessPage },
          { path: paths.businessSubscriber, Component: SubscriberRegistrationPage },
          { path: paths.joinCompany, Component: JoinPage },
          { path: paths.staffSetup, Component: StaffSetupPage },
          { path: paths.payTest, Component: TestGatewayPage },
          { path: paths.payInvoice, Component: PublicInvoicePage },
          { path: paths.payDone, Component: PaymentDonePage },
          {
            Component: RequireAuth,
            children: [
              { path: paths.cabinet, Component: CabinetPage },
              { path: paths.accounts, Component: AccountsPage },
              {
                path: paths.account,
                Component: AccountPage,
                children: [
                  { index: true, Component: OverviewTab },
                  { path: paths.accountPayments, Component: PaymentsTab },
                  { path: paths.accountBlocks, Component: BlocksTab },
                  { path: paths.accountHistory, Component: HistoryTab },
                  { path: paths.accountUsage, Component: UsageTab },
                  { path: paths.accountTariff, Component: TariffTab },
                  { path: paths.accountServices, Component: ServicesTab },
                ],
              },
              { path: paths.family, Component: FamilyPage },
              {
                path: paths.employees,
                Component: EmployeesPage,
                children: [
                  { index: true, Component: MembersTab },
                  { path: paths.employeesRequests, Component: RequestsTab },
                ],
              },
              {
                path: paths.settings,
                Component: SettingsPage,
                children: [
                  { index: true, loader: () => redirect(paths.settingsProfile) },
                  { path: paths.settingsProfile, Component: ProfileTab },
                  { path: paths.settingsSecurity, Component: SecurityTab },
                  { path: paths.settingsSessions, Component: SessionsTab },
                  { path: paths.settingsActivity, Component: ActivityTab },
                  { path: paths.settingsNotifications, Component: NotificationsTab },
                  { path: paths.settingsHacked, Component: HackedTab },
                ],
              },
              {
                // Customers get the 404 page here, as they get 404 from the back office's API.
                path: paths.backoffice,
                element: <RequireStaff />,
                children: [
                  {
                    Component: BackofficeLayout,
                    children: [
                      { index: true, Component: BackofficeIndex },
                      {
                        element: <RequireStaff section="users" />,
                        children: [
                          { path: paths.backofficeUsers, Component: UsersPage },
                          { path: paths.backofficeUser, Component: UserPage },
                        ],
                      },
                      { element: <RequireStaff section="staff" />, children: [{ path: paths.backofficeStaff, Component: StaffPage }] },
                      { element: <RequireStaff section="outbox" />, children: [{ path: paths.backofficeOutbox, Component: OutboxPage }] },
                      { element: <RequireStaff section="activations" />, children: [{ path: paths.backofficeActivations, Component: ActivationsPage }] },
                      {
                        element: <RequireStaff section="companies" />,
                        children: [
                          { path: paths.backofficeCompanies, Component: CompaniesPage },
                          { path: paths.backofficeCompany, Component: CompanyPage },
                        ],
                      },
                      {
                        element: <RequireStaff section="profiles" />,
                        children: [
                          { path: paths.backofficeProfiles, Component: ProfilesPage },
                          { path: paths.backofficeProfile, Component: ProfilePage },
                        ],
                      },
                      { element: <RequireStaff section="joinRequests" />, children: [{ path: paths.backofficeJoinRequests, Component: JoinRequestsPage }] },
                      {
                        element: <RequireStaff section="accounts" />,
                        children: [
                          { path: paths.backofficeAccounts, Component: BackofficeAccountsPage },
                          { path: paths.backofficeAccount, Component: BackofficeAccountPage },
                        ],
                      },
                      { element: <RequireStaff section="promisedSettings" />, children: [{ path: paths.backofficePromisedSettings, Component: PromisedSettingsPage }] },
                      { element: <RequireStaff section="paymentRequisites" />, children: [{ path: paths.backofficePaymentRequisites, Component: RequisitesPage }] },
                      { element: <RequireStaff section="integration" />, children: [{ path: paths.backofficeIntegration, Component: IntegrationPage }] },
                      { element: <RequireStaff section="imports" />, children: [{ path: paths.backofficeImports, Component: ImportsPage }] },
                      { element: <RequireStaff section="tariffs" />, children: [{ path: paths.backofficeTariffs, Component: TariffsPage }] },
                    ],
                  },
                ],
              },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
