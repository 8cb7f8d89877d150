import type { ApprovalResponse } from '@keydesk/domain';
import { DataTable, List, SelectInput } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { APPROVAL_STATE_CHOICES, ASSURED_ACTION_CHOICES } from '../i18n/choices';
import {
  ApprovalActionField,
  ApprovalRequesterField,
  ApprovalStateField,
  ApprovalSubjectField,
  ApprovalTicketField,
} from './ApprovalFields';

const filters = [
  <SelectInput key="state" source="state" choices={APPROVAL_STATE_CHOICES} alwaysOn />,
  <SelectInput key="action" source="action" choices={ASSURED_ACTION_CHOICES} alwaysOn />,
];

/**
 * The requests for an exception, those waiting for a decision first: a supervisor opens one to
 * decide it. Staff who do not decide see their own requests here, and what became of them.
 */
export const ApprovalList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ state: 'pending' }}
    sort={{ field: 'requestedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<ApprovalResponse> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="action" disableSort>
        <ApprovalActionField />
      </DataTable.Col>
      <DataTable.Col source="subjectName" disableSort>
        <ApprovalSubjectField />
      </DataTable.Col>
      <DataTable.Col source="requestedBy" disableSort>
        <ApprovalRequesterField />
      </DataTable.Col>
      <DataTable.Col source="reason" disableSort />
      <DataTable.Col source="ticketId" disableSort>
        <ApprovalTicketField />
      </DataTable.Col>
      <DataTable.Col source="requestedAt">
        <RelativeDateField source="requestedAt" emptyText="keydesk.approvals.unknown_time" />
      </DataTable.Col>
      <DataTable.Col source="state" disableSort>
        <ApprovalStateField />
      </DataTable.Col>
    </DataTable>
  </List>
);
