import type { RoleResponse } from '@keydesk/domain';
import { DataTable, List, type RowClickFunction } from 'react-admin';

import { PermissionCountField, RoleKindField } from './RoleFields';

// Built-in roles cannot be changed, so their row opens the read-only page. The api sorts roles by
// name and kind only, hence the columns without sorting.
const openRole: RowClickFunction<RoleResponse> = (_id, _resource, record) => (record.builtIn ? 'show' : 'edit');

export const RoleList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable rowClick={openRole} bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="description" disableSort />
      <DataTable.Col source="builtIn">
        <RoleKindField />
      </DataTable.Col>
      <DataTable.Col source="permissions" disableSort>
        <PermissionCountField />
      </DataTable.Col>
      <DataTable.NumberCol source="staffCount" disableSort />
    </DataTable>
  </List>
);
