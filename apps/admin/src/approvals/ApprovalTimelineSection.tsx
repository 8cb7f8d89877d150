import { Permission, type ActivityListEntry, type ApprovalResponse } from '@keydesk/domain';
import { DataTable, ReferenceManyField, useRecordContext } from 'react-admin';

import { ActivityActionField } from '../activity/ActivityActionField';
import { ActivityActorField } from '../activity/ActivityFields';
import { RelativeDateField } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';

/** The user's last twenty entries: what happened to this access lately, before deciding on more. */
export const ApprovalTimelineSection = () => {
  const approval = useRecordContext<ApprovalResponse>();
  const canOpenEntries = useHasPermission(Permission.ActivityView);
  if (approval?.userId == null) return null;
  return (
    <Section title="keydesk.approvals.show.timeline">
      <ReferenceManyField
        reference="user-activity"
        target="userId"
        source="userId"
        perPage={20}
        empty="keydesk.activity.timeline.empty"
      >
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
      </ReferenceManyField>
    </Section>
  );
};
