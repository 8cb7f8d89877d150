import { Permission, type ClientResponse, type TicketResponse } from '@keydesk/domain';
import { CreateButton, DataTable, Pagination, ReferenceManyField, useRecordContext } from 'react-admin';

import { Section, type TabContentProps } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { ticketColumns } from '../tickets/TicketColumns';

/** The client's tickets, latest reply first, and the way to open one on their behalf. */
export const ClientTicketsTab = (_props: TabContentProps) => {
  const client = useRecordContext<ClientResponse>();
  const canReply = useHasPermission(Permission.TicketsReply);
  if (!client) return null;
  // The new ticket form starts with this client chosen.
  const openTicket = canReply && (
    <CreateButton resource="tickets" label="keydesk.tickets.open_ticket" state={{ record: { clientId: client.id } }} />
  );
  return (
    <Section title="keydesk.client_tickets.title" actions={openTicket}>
      <ReferenceManyField
        reference="tickets"
        target="clientId"
        sort={{ field: 'lastReplyAt', order: 'DESC' }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50]} />}
        empty="keydesk.client_tickets.empty"
      >
        <DataTable<TicketResponse> rowClick="show" bulkActionButtons={false}>
          {ticketColumns()}
        </DataTable>
      </ReferenceManyField>
    </Section>
  );
};
