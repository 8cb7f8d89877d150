import { Typography } from '@mui/material';
import { Permission, type ApprovalResponse } from '@keydesk/domain';
import type { MouseEvent } from 'react';
import { Link, useRecordContext, useTranslate } from 'react-admin';

import { ChoiceChip } from '../common/ChoiceChip';
import { useHasPermission } from '../common/useHasPermission';
import { assuredActionKey } from '../i18n/choices';

/** The fields take `label` only so that tables and show layouts can read it; they render none. */
interface ApprovalFieldProps {
  label?: string;
}

// What waits for a decision stands out; the text always says the state, colour only helps.
const STATE_COLORS = { pending: 'warning', approved: 'success', denied: 'error' } as const;

// A link inside a clickable table row must not also trigger the row's own navigation.
const stopPropagation = (event: MouseEvent) => event.stopPropagation();

export const ApprovalStateField = (_props: ApprovalFieldProps) => (
  <ChoiceChip source="state" prefix="keydesk.approvals.states" colors={STATE_COLORS} />
);

/** The action asked for, as a sentence ("Setting a password you typed"); an unknown one by its value. */
export const ApprovalActionField = (_props: ApprovalFieldProps) => {
  const record = useRecordContext<ApprovalResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return <Typography variant="body2">{translate(assuredActionKey(record.action), { _: record.action })}</Typography>;
};

/** Whom it is about: the customer's user (to Manage user) or the staff member (to their page, for those who manage staff). */
export const ApprovalSubjectField = (_props: ApprovalFieldProps) => {
  const record = useRecordContext<ApprovalResponse>();
  const canManageStaff = useHasPermission(Permission.StaffManage);
  if (!record) return null;
  const to =
    record.userId !== null
      ? `/users/${record.userId}/show`
      : record.staffId !== null && canManageStaff
        ? `/staff/${record.staffId}`
        : null;
  if (!to) return <Typography variant="body2">{record.subjectName}</Typography>;
  return (
    <Link to={to} onClick={stopPropagation} variant="body2">
      {record.subjectName}
    </Link>
  );
};

export const ApprovalRequesterField = (_props: ApprovalFieldProps) => {
  const record = useRecordContext<ApprovalResponse>();
  if (!record) return null;
  return <Typography variant="body2">{record.requestedBy.name}</Typography>;
};

/** "Ticket #42" as a link: the conversation the request came from. */
export const ApprovalTicketField = (_props: ApprovalFieldProps) => {
  const record = useRecordContext<ApprovalResponse>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.ticketId === null) {
    return <Typography variant="body2">{translate('keydesk.approvals.no_ticket')}</Typography>;
  }
  return (
    <Link to={`/tickets/${record.ticketId}/show`} onClick={stopPropagation} variant="body2">
      {translate('keydesk.approvals.ticket_link', { id: record.ticketId })}
    </Link>
  );
};
