import { Permission, type ActivityListEntry, type UserResponse } from '@keydesk/domain';
import { DataTable, Link, Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';

import { ActivityActionField } from '../activity/ActivityActionField';
import { ActivityActorField } from '../activity/ActivityFields';
import { RelativeDateField } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';

/**
 * Everything about this person, newest first, whichever client it happened in: what staff did to
 * their access, their own sign-ins and rescue codes, the mails sent to them. Supervisors open an
 * entry from here; agents read the line.
 */
export const UserTimelineSection = () => {
  const user = useRecordContext<UserResponse>();
  const translate = useTranslate();
  const canOpenEntries = useHasPermission(Permission.ActivityView);
  // The activity log filters, exports and reviews what this section only lists.
  const inLog = canOpenEntries && user && (
    <Link to={`/activity?filter=${encodeURIComponent(JSON.stringify({ userId: user.id }))}`}>
      {translate('keydesk.activity.timeline.open_log')}
    </Link>
  );
  return (
    <Section title="keydesk.activity.timeline.title" actions={inLog}>
      <ReferenceManyField
        reference="user-activity"
        target="userId"
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
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
