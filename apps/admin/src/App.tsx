import { hasPermission, Permission } from '@keydesk/domain';
import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';

import activity from './activity';
import approvals from './approvals';
import passwordActions from './activity/password-actions';
import { LoginPage } from './auth/LoginPage';
import clients from './clients';
import { Dashboard } from './dashboard/Dashboard';
import emails from './emails';
import { AppTitle, Layout } from './layout/Layout';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './providers/i18n-provider';
import roles from './roles';
import { AssurancePolicyPage } from './settings/AssurancePolicyPage';
import { SecurityPage } from './security/SecurityPage';
import staff from './staff';
import tickets from './tickets';
import { theme } from './theme';
import users from './users';

// Only administrators open it: it loads on first use rather than with every agent's admin.
const IntegrationsPage = lazy(() =>
  import('./integrations/IntegrationsPage').then((module) => ({ default: module.IntegrationsPage })),
);

/**
 * Each resource with only the pages the staff member may use: the api refuses the rest anyway,
 * and a menu entry or a Create button that only leads to a refusal wastes an agent's time.
 * Resources are declared in menu order.
 */
const resources = (permissions: readonly string[]) => {
  const can = (permission: Permission) => hasPermission(permissions, permission);
  return (
    <>
      {can(Permission.ClientsView) && (
        <>
          <Resource
            name="clients"
            {...clients}
            create={can(Permission.ClientsEdit) ? clients.create : undefined}
            edit={can(Permission.ClientsEdit) ? clients.edit : undefined}
          />
          <Resource name="users" {...users} edit={can(Permission.UsersManage) ? users.edit : undefined} />
          <Resource name="emails" {...emails} />
        </>
      )}
      {can(Permission.TicketsView) && (
        <Resource name="tickets" {...tickets} create={can(Permission.TicketsReply) ? tickets.create : undefined} />
      )}
      {/* Everyone asks for approvals and sees their own requests; those with approvals.decide see all. */}
      <Resource name="approvals" {...approvals} />
      {can(Permission.ActivityView) && (
        <>
          <Resource name="activity" {...activity} />
          <Resource name="password-actions" {...passwordActions} />
        </>
      )}
      {can(Permission.StaffManage) && (
        <>
          <Resource name="staff" {...staff} />
          <Resource name="roles" {...roles} />
        </>
      )}
      {/* My account, from the user menu: every staff member's own. */}
      <CustomRoutes>
        <Route path="/security" element={<SecurityPage />} />
        {can(Permission.SettingsManage) && <Route path="/settings/assurance" element={<AssurancePolicyPage />} />}
        {can(Permission.StaffManage) && (
          <Route
            path="/integrations/*"
            element={
              <Suspense>
                <IntegrationsPage />
              </Suspense>
            }
          />
        )}
      </CustomRoutes>
    </>
  );
};

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
    {(permissions: string[]) => resources(permissions ?? [])}
  </Admin>
);
