import { hasPermission, Permission } from '@keydesk/domain';
import { Admin, Resource } from 'react-admin';

import { LoginPage } from './auth/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import { AppTitle, Layout } from './layout/Layout';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './providers/i18n-provider';
import roles from './roles';
import staff from './staff';
import { theme } from './theme';

export const App = () => (
  <Admin
    disableTelemetry
    requireAuth
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    loginPage={LoginPage}
    layout={Layout}
    title={<AppTitle />}
    theme={theme}
  >
    {(permissions: string[]) =>
      // The api refuses these calls without staff.manage anyway; hiding them spares the dead ends.
      hasPermission(permissions ?? [], Permission.StaffManage) ? (
        <>
          <Resource name="staff" {...staff} />
          <Resource name="roles" {...roles} />
        </>
      ) : null
    }
  </Admin>
);
