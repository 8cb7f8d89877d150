import { Stack, Typography } from '@mui/material';
import type { TicketResponse } from '@keydesk/domain';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';

import { ClientLink } from '../clients/ClientFields';
import { RelativeDate } from '../common/RelativeDateField';
import { AssigneeField } from './AssigneeField';
import { TicketDepartmentField, TicketPriorityField, TicketStatusField } from './TicketFields';
import { TicketUserFact } from './TicketUserFact';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={0.25}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      {children}
    </Stack>
  );
};

/** What the ticket is about and where it stands, above its conversation. */
export const TicketHeader = () => {
  const ticket = useRecordContext<TicketResponse>();
  if (!ticket) return null;
  return (
    <Stack spacing={2} sx={{ mb: 3 }}>
      <Typography component="h2" variant="h5">
        {`#${ticket.id} ${ticket.subject}`}
      </Typography>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="resources.tickets.fields.clientId">
          <ClientLink clientId={ticket.clientId}>{ticket.companyName}</ClientLink>
        </Fact>
        <Fact label="resources.tickets.fields.userId">
          <TicketUserFact ticket={ticket} />
        </Fact>
        <Fact label="resources.tickets.fields.status">
          <TicketStatusField />
        </Fact>
        <Fact label="resources.tickets.fields.priority">
          <TicketPriorityField />
        </Fact>
        <Fact label="resources.tickets.fields.department">
          <TicketDepartmentField />
        </Fact>
        <Fact label="resources.tickets.fields.assignedStaffId">
          <AssigneeField />
        </Fact>
        <Fact label="resources.tickets.fields.createdAt">
          <RelativeDate value={ticket.createdAt} emptyText="keydesk.tickets.no_reply" />
        </Fact>
      </Stack>
    </Stack>
  );
};
