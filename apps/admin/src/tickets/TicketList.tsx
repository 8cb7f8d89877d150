import { Permission, type TicketResponse } from '@keydesk/domain';
import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';
import { TICKET_DEPARTMENT_CHOICES, TICKET_STATUS_CHOICES } from '../i18n/choices';
import { AssignedToMeInput } from './AssignedToMeInput';
import { ticketColumns } from './TicketColumns';

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

/** The global queue; the ticket whose conversation moved most recently comes first. */
export const TicketList = () => {
  const filters = useTicketFilters();
  return (
    <List filters={filters} sort={{ field: 'lastReplyAt', order: 'DESC' }} perPage={25} exporter={false}>
      <DataTable<TicketResponse> rowClick="show" bulkActionButtons={false}>
        {ticketColumns({ client: true, assignee: true })}
      </DataTable>
    </List>
  );
};
