import { Typography } from '@mui/material';
import type { TicketResponse } from '@keydesk/domain';
import type { MouseEvent } from 'react';
import { Link, useRecordContext, useTranslate } from 'react-admin';

import { ChoiceChip } from '../common/ChoiceChip';

/** The fields take `label` only so that show layouts can read it; they render no label themselves. */
interface TicketFieldProps {
  label?: string;
}

// What waits for staff stands out: a customer's reply, a new ticket, an urgent one.
const STATUS_COLORS = { open: 'info', customer_reply: 'warning', answered: 'success' } as const;
const PRIORITY_COLORS = { urgent: 'error', high: 'warning' } as const;

export const TicketStatusField = (_props: TicketFieldProps) => (
  <ChoiceChip source="status" prefix="keydesk.tickets.status" colors={STATUS_COLORS} />
);

export const TicketPriorityField = (_props: TicketFieldProps) => (
  <ChoiceChip source="priority" prefix="keydesk.tickets.priority" colors={PRIORITY_COLORS} />
);

export const TicketDepartmentField = (_props: TicketFieldProps) => {
  const record = useRecordContext<TicketResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return <Typography variant="body2">{translate(`keydesk.tickets.department.${record.department}`)}</Typography>;
};

// A link inside a clickable table row must not also trigger the row's own navigation.
const stopPropagation = (event: MouseEvent) => event.stopPropagation();

/** "#42 Cannot sign in" as a link to the ticket: the number is what customers quote on the phone. */
export const TicketSubjectLink = ({ ticket }: { ticket: Pick<TicketResponse, 'id' | 'subject'> }) => (
  <Link to={`/tickets/${ticket.id}/show`} onClick={stopPropagation}>
    {`#${ticket.id} ${ticket.subject}`}
  </Link>
);
