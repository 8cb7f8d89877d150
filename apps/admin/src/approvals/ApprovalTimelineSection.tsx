import type { ApprovalResponse } from '@keydesk/domain';
import { ReferenceManyField, useRecordContext } from 'react-admin';

import { UserActivityTable } from '../activity/UserActivityTable';
import { Section } from '../common/Section';

/** The user's last twenty entries: what happened to this access lately, before deciding on more. */
export const ApprovalTimelineSection = () => {
  const approval = useRecordContext<ApprovalResponse>();
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
        <UserActivityTable />
      </ReferenceManyField>
    </Section>
  );
};
