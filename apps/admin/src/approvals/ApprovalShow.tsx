import { Divider, Stack, Typography } from '@mui/material';
import { ApprovalState, Permission, type ApprovalDetailResponse } from '@keydesk/domain';
import type { ReactNode } from 'react';
import { Labeled, Show, TextField, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';

import { RelativeDate, RelativeDateField } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { ApprovalDecisionForm } from './ApprovalDecisionForm';
import {
  ApprovalActionField,
  ApprovalRequesterField,
  ApprovalStateField,
  ApprovalSubjectField,
  ApprovalTicketField,
} from './ApprovalFields';
import { ApprovalFlagsList } from './ApprovalFlagsList';
import { ApprovalTimelineSection } from './ApprovalTimelineSection';

const Row = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {children}
  </Stack>
);

/** What is asked, about whom, by whom and why, and where it stands. */
const ApprovalRequestSection = () => {
  const approval = useRecordContext<ApprovalDetailResponse>();
  if (!approval) return null;
  const until = approval.state === ApprovalState.Pending || approval.state === ApprovalState.Approved;
  return (
    <Section title="keydesk.approvals.show.request">
      <Stack spacing={2}>
        <Row>
          <Labeled source="action">
            <ApprovalActionField />
          </Labeled>
          <Labeled source="subjectName">
            <ApprovalSubjectField />
          </Labeled>
          <Labeled source="state">
            <ApprovalStateField />
          </Labeled>
          {until && (
            <Labeled source="expiresAt">
              <RelativeDateField source="expiresAt" emptyText="keydesk.approvals.unknown_time" />
            </Labeled>
          )}
        </Row>
        <Row>
          <Labeled source="requestedBy">
            <ApprovalRequesterField />
          </Labeled>
          <Labeled source="requestedAt">
            <RelativeDateField source="requestedAt" emptyText="keydesk.approvals.unknown_time" />
          </Labeled>
          <Labeled source="ticketId">
            <ApprovalTicketField />
          </Labeled>
        </Row>
        <Labeled source="reason">
          <TextField source="reason" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
      </Stack>
    </Section>
  );
};

/** Approve or deny for those who may, not on their own request; else who decided, when and why. */
const ApprovalDecisionSection = () => {
  const approval = useRecordContext<ApprovalDetailResponse>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const canDecide = useHasPermission(Permission.ApprovalsDecide);
  if (!approval) return null;
  const own = identity !== undefined && String(identity.id) === String(approval.requestedBy.id);
  if (approval.state === ApprovalState.Pending) {
    if (!canDecide) return null;
    return (
      <Section title="keydesk.approvals.show.decision">
        {own ? (
          <Typography variant="body2">{translate('keydesk.approvals.show.own_request')}</Typography>
        ) : (
          <ApprovalDecisionForm approval={approval} />
        )}
      </Section>
    );
  }
  if (!approval.decidedBy) return null;
  return (
    <Section title="keydesk.approvals.show.decision">
      <Row>
        <Labeled label="resources.approvals.fields.decidedBy">
          <Typography variant="body2">{approval.decidedBy.name}</Typography>
        </Labeled>
        <Labeled label="resources.approvals.fields.decidedAt">
          <RelativeDate value={approval.decidedAt} emptyText="keydesk.approvals.unknown_time" />
        </Labeled>
        {approval.usedAt && (
          <Labeled label="resources.approvals.fields.usedAt">
            <RelativeDate value={approval.usedAt} emptyText="keydesk.approvals.unknown_time" />
          </Labeled>
        )}
      </Row>
      {approval.comment && (
        <Labeled label="resources.approvals.fields.comment" sx={{ mt: 2 }}>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {approval.comment}
          </Typography>
        </Labeled>
      )}
    </Section>
  );
};

const ApprovalFlagsSection = () => {
  const approval = useRecordContext<ApprovalDetailResponse>();
  if (!approval) return null;
  return (
    <Section title="keydesk.approvals.show.flags">
      <ApprovalFlagsList flags={approval.flags ?? []} />
    </Section>
  );
};

/**
 * One request for an exception, as its decider needs it: the request, what looks unusual, the
 * decision (or the form to make it) and what happened to the user's access lately.
 */
export const ApprovalShow = () => (
  <Show>
    <Stack spacing={3} divider={<Divider flexItem />} sx={{ p: 2 }}>
      <ApprovalRequestSection />
      <ApprovalFlagsSection />
      <ApprovalDecisionSection />
      <ApprovalTimelineSection />
    </Stack>
  </Show>
);
