import HubIcon from '@mui/icons-material/Hub';
import TuneIcon from '@mui/icons-material/Tune';
import { Permission } from '@keydesk/domain';
import { Menu, useResourceDefinitions } from 'react-admin';

import { ApprovalsMenuItem } from '../approvals/ApprovalsMenuItem';
import { useHasPermission } from '../common/useHasPermission';

/**
 * react-admin's menu (the dashboard, then each resource in declaration order), except that
 * Approvals shows how many requests wait, and administrators find Integrations and the policy page
 * at the end.
 */
export const KeydeskMenu = () => {
  const resources = useResourceDefinitions();
  const canManageSettings = useHasPermission(Permission.SettingsManage);
  const canManageStaff = useHasPermission(Permission.StaffManage);
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.keys(resources)
        .filter((name) => resources[name].hasList)
        .map((name) =>
          name === 'approvals' ? <ApprovalsMenuItem key={name} /> : <Menu.ResourceItem key={name} name={name} />,
        )}
      {canManageStaff && (
        <Menu.Item to="/integrations" primaryText="keydesk.integrations.menu" leftIcon={<HubIcon />} />
      )}
      {canManageSettings && (
        <Menu.Item to="/settings/assurance" primaryText="keydesk.settings.assurance.menu" leftIcon={<TuneIcon />} />
      )}
    </Menu>
  );
};
