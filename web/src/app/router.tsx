import { createBrowserRouter, redirect } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout';
import { ActivityTab } from '../pages/account/settings/components/ActivityTab';
import { HackedTab } from '../pages/account/settings/components/HackedTab';
import { NotificationsTab } from '../pages/account/settings/components/NotificationsTab';
import { ProfileTab } from '../pages/account/settings/components/ProfileTab';
import { SecurityTab } from '../pages/account/settings/components/SecurityTab';
import { SessionsTab } from '../pages/account/settings/components/SessionsTab';
import { SettingsPage } from '../pages/account/settings/SettingsPage';
import { CabinetPage } from '../pages/cabinet/home/CabinetPage';
import { LoginPage } from '../pages/identity/login/LoginPage';
import { RecoveryPage } from '../pages/identity/recovery/RecoveryPage';
import { RegisterPage } from '../pages/identity/register/RegisterPage';
import { BusinessPage } from '../pages/parties/business/BusinessPage';
import { HomePage } from '../pages/public/home/HomePage';
import { NotFoundPage } from '../pages/public/not-found/NotFoundPage';
import { RootErrorPage } from '../pages/public/route-error/RootErrorPage';
import { RouteErrorPage } from '../pages/public/route-error/RouteErrorPage';
import { paths } from './paths';
import { RequireAuth } from './RequireAuth';

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
          {
            Component: RequireAuth,
            children: [
              { path: paths.cabinet, Component: CabinetPage },
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
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
