import { Permission } from '@keydesk/domain';
import { DataTable, Pagination, ReferenceManyField } from 'react-admin';

import { ActivityActionField } from '../activity/ActivityActionField';
import { RelativeDateField } from '../common/RelativeDateField';
import { Section, type TabContentProps } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';

/**
 * Everything the audit trail recorded about this client, newest first: who did what, when and from
 * where. The api decides the order and what is safe to show (never a secret), so nothing sorts here.
 * Supervisors open an entry in the activity log from here.
 */
export const ClientLogTab = (_props: TabContentProps) => {
  const canOpenEntries = useHasPermission(Permission.ActivityView);
  return (
    <Section title="keydesk.activity.title">
      <ReferenceManyField
        reference="client-activity"
        target="clientId"
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
        empty="keydesk.activity.empty"
      >
        <DataTable bulkActionButtons={false} rowClick={canOpenEntries ? (id) => `/activity/${id}/show` : false}>
          <DataTable.Col source="occurredAt" disableSort>
            <RelativeDateField source="occurredAt" emptyText="keydesk.activity.unknown_time" />
          </DataTable.Col>
          <DataTable.Col source="actorName" disableSort />
          <DataTable.Col source="action" disableSort>
            <ActivityActionField />
          </DataTable.Col>
          <DataTable.Col source="subjectName" disableSort />
          <DataTable.Col source="ip" disableSort />
        </DataTable>
      </ReferenceManyField>
    </Section>
  );
};
