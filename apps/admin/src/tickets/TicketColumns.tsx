import type { TicketResponse } from '@keydesk/domain';
import type { ReactElement } from 'react';
import { DataTable } from 'react-admin';

import { ClientLink } from '../clients/ClientFields';
import { RelativeDateField } from '../common/RelativeDateField';
import { AssigneeField } from './AssigneeField';
import { TicketDepartmentField, TicketPriorityField, TicketStatusField, TicketSubjectLink } from './TicketFields';

const SubjectCell = (ticket: TicketResponse) => <TicketSubjectLink ticket={ticket} />;
const ClientCell = (ticket: TicketResponse) => <ClientLink clientId={ticket.clientId}>{ticket.companyName}</ClientLink>;

interface TicketColumnsOptions {
  /** The queue mixes clients; a client's own Tickets tab does not need the column. */
  client?: boolean;
  assignee?: boolean;
}

/**
 * The columns of a ticket table, the same in the queue and in a client's Tickets tab. A list
 * rather than a component: DataTable counts its children for the loading rows and the column
 * chooser, and a wrapper would count as one column.
 */
export function ticketColumns({ client = false, assignee = false }: TicketColumnsOptions = {}): ReactElement[] {
  return [
    <DataTable.Col key="subject" source="subject" disableSort render={SubjectCell} />,
    client && <DataTable.Col key="clientId" source="clientId" disableSort render={ClientCell} />,
    <DataTable.Col key="status" source="status">
      <TicketStatusField />
    </DataTable.Col>,
    <DataTable.Col key="priority" source="priority">
      <TicketPriorityField />
    </DataTable.Col>,
    <DataTable.Col key="department" source="department" disableSort>
      <TicketDepartmentField />
    </DataTable.Col>,
    assignee && (
      <DataTable.Col key="assignedStaffId" source="assignedStaffId" disableSort>
        <AssigneeField />
      </DataTable.Col>
    ),
    <DataTable.Col key="lastReplyAt" source="lastReplyAt">
      <RelativeDateField source="lastReplyAt" emptyText="keydesk.tickets.no_reply" />
    </DataTable.Col>,
  ].filter((column): column is ReactElement => Boolean(column));
}
