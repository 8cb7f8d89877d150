import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';

import { SecurityMenuItem } from '../security/SecurityMenuItem';
import { StepUpDialog } from '../security/StepUpDialog';
import { KeydeskMenu } from './Menu';
import { ProgressLabels } from './ProgressLabels';

/**
 * react-admin's user menu shows the staff member's name but is labelled "Profile" for screen
 * readers; speech-input users say what they see (WCAG 2.5.3), so the label starts with the name.
 */
const AccountMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = identity?.fullName
    ? translate('keydesk.account.menu', { name: identity.fullName })
    : 'ra.auth.user_menu';
  return (
    <UserMenu label={label}>
      <SecurityMenuItem />
      <Logout />
    </UserMenu>
  );
};

/** The app bar's title where a page sets none of its own (react-admin's default is "React Admin"). */
export const AppTitle = () => {
  const translate = useTranslate();
  return <>{translate('keydesk.app.name')}</>;
};

// Each page's title is its main heading: an <h1> for screen readers' heading navigation.
const KeydeskAppBar = () => (
  <AppBar userMenu={<AccountMenu />}>
    <TitlePortal component="h1" />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <ProgressLabels>
    <RaLayout appBar={KeydeskAppBar} menu={KeydeskMenu}>
      {children}
      {/* Asked by whichever sensitive call needs it, wherever it was made: see providers/step-up. */}
      <StepUpDialog />
    </RaLayout>
  </ProgressLabels>
);
