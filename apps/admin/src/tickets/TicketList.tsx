import { Permission, type TicketResponse } from '@keydesk/domain';
import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput } from 'react-admin';

import { ClientLink } from '../clients/ClientFields';
import { RelativeDateField } from '../common/RelativeDateField';
import { useHasPermission } from '../common/useHasPermission';
import { TICKET_DEPARTMENT_CHOICES, TICKET_STATUS_CHOICES } from '../i18n/choices';
import { AssignedToMeInput } from './AssignedToMeInput';
import { AssigneeField } from './AssigneeField';
import { TicketDepartmentField, TicketPriorityField, TicketStatusField, TicketSubjectLink } from './TicketFields';

const useTicketFilters = () => {
  const canListStaff = useHasPermission(Permission.StaffManage);
  return [
    <SelectInput key="status" source="status" choices={TICKET_STATUS_CHOICES} alwaysOn />,
    <SelectInput key="department" source="department" choices={TICKET_DEPARTMENT_CHOICES} alwaysOn />,
    // The client is found as in the clients list (the api's `q`): company, contact, email, RFC, phone.
    <ReferenceInput key="clientId" source="clientId" reference="clients" alwaysOn>
      <AutocompleteInput label="resources.tickets.fields.clientId" sx={{ minWidth: 280 }} />
    </ReferenceInput>,
    canListStaff ? (
      <ReferenceInput key="assignedStaffId" source="assignedStaffId" reference="staff" alwaysOn>
        <SelectInput optionText="displayName" label="resources.tickets.fields.assignedStaffId" />
      </ReferenceInput>
    ) : (
      <AssignedToMeInput key="assignedStaffId" source="assignedStaffId" alwaysOn />
    ),
  ];
};

const SubjectCell = (ticket: TicketResponse) => <TicketSubjectLink ticket={ticket} />;
const ClientCell = (ticket: TicketResponse) => <ClientLink clientId={ticket.clientId}>{ticket.companyName}</ClientLink>;

/** The global queue; the ticket whose conversation moved most recently comes first. */
export const TicketList = () => {
  const filters = useTicketFilters();
  return (
    <List filters={filters} sort={{ field: 'lastReplyAt', order: 'DESC' }} perPage={25} exporter={false}>
      <DataTable<TicketResponse> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="subject" disableSort render={SubjectCell} />
        <DataTable.Col source="clientId" disableSort render={ClientCell} />
        <DataTable.Col source="department" disableSort>
          <TicketDepartmentField />
        </DataTable.Col>
        <DataTable.Col source="status">
          <TicketStatusField />
        </DataTable.Col>
        <DataTable.Col source="priority">
          <TicketPriorityField />
        </DataTable.Col>
        <DataTable.Col source="assignedStaffId" disableSort>
          <AssigneeField />
        </DataTable.Col>
        <DataTable.Col source="lastReplyAt">
          <RelativeDateField source="lastReplyAt" emptyText="keydesk.tickets.no_reply" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
