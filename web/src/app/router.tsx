import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout';
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
            children: [{ path: paths.cabinet, Component: CabinetPage }],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
