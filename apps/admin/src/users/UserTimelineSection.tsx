import { Permission, type UserResponse } from '@keydesk/domain';
import { Link, Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';

import { UserActivityTable } from '../activity/UserActivityTable';
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
        <UserActivityTable />
      </ReferenceManyField>
    </Section>
  );
};
