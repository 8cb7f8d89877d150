import { Permission, type ActivityListEntry } from '@keydesk/domain';
import { DataTable } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { useHasPermission } from '../common/useHasPermission';
import { ActivityActionField } from './ActivityActionField';
import { ActivityActorField } from './ActivityFields';

/** A user's activity entries, inside a reference field: supervisors open an entry, agents read the line. */
export const UserActivityTable = () => {
  const canOpenEntries = useHasPermission(Permission.ActivityView);
  return (
    <DataTable<ActivityListEntry>
      bulkActionButtons={false}
      rowClick={canOpenEntries ? (id) => `/activity/${id}/show` : false}
    >
      <DataTable.Col source="occurredAt" disableSort>
        <RelativeDateField source="occurredAt" emptyText="keydesk.activity.unknown_time" />
      </DataTable.Col>
      <DataTable.Col source="action" disableSort>
        <ActivityActionField />
      </DataTable.Col>
      <DataTable.Col source="actorName" disableSort>
        <ActivityActorField />
      </DataTable.Col>
      <DataTable.Col source="ip" disableSort />
    </DataTable>
  );
};
