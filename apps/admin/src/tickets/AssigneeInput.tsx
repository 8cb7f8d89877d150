import { Permission, type TicketResponse } from '@keydesk/domain';
import { ReferenceInput, SelectInput, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';

/**
 * Who handles the ticket. With staff.manage, any active colleague; without it the staff list is
 * out of reach, so the choice is oneself or nobody (keeping a colleague's assignment as it is).
 */
export const AssigneeInput = () => {
  const ticket = useRecordContext<TicketResponse>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const canListStaff = useHasPermission(Permission.StaffManage);

  if (canListStaff) {
    return (
      <ReferenceInput source="assignedStaffId" reference="staff" filter={{ status: 'active' }} perPage={100}>
        <SelectInput
          optionText="displayName"
          emptyText="keydesk.tickets.unassigned"
          label="resources.tickets.fields.assignedStaffId"
        />
      </ReferenceInput>
    );
  }

  const choices = identity
    ? [{ id: identity.id, name: translate('keydesk.tickets.assigned_to_you', { name: identity.fullName ?? '' }) }]
    : [];
  const current = ticket?.assignedStaffId;
  if (current != null && String(current) !== String(identity?.id)) {
    choices.push({ id: current, name: translate('keydesk.tickets.assigned_to_colleague') });
  }
  return (
    <SelectInput
      source="assignedStaffId"
      choices={choices}
      translateChoice={false}
      emptyText="keydesk.tickets.unassigned"
    />
  );
};
