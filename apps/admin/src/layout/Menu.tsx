import { Menu, useResourceDefinitions } from 'react-admin';

import { ApprovalsMenuItem } from '../approvals/ApprovalsMenuItem';

/** react-admin's menu (the dashboard, then each resource in declaration order), except that Approvals shows how many requests wait. */
export const KeydeskMenu = () => {
  const resources = useResourceDefinitions();
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.keys(resources)
        .filter((name) => resources[name].hasList)
        .map((name) =>
          name === 'approvals' ? <ApprovalsMenuItem key={name} /> : <Menu.ResourceItem key={name} name={name} />,
        )}
    </Menu>
  );
};
