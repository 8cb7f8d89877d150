import { Typography } from '@mui/material';
import { Permission, type TicketResponse } from '@keydesk/domain';
import { ReferenceField, TextField, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';

/**
 * Who handles the ticket. Staff names come from the staff list, which needs staff.manage; anyone
 * else is told whether it is them, nobody, or a colleague, instead of meeting a refusal.
 */
export const AssigneeField = (_props: { label?: string }) => {
  const ticket = useRecordContext<TicketResponse>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const canListStaff = useHasPermission(Permission.StaffManage);
  if (!ticket) return null;

  const say = (key: string, args?: Record<string, unknown>) => (
    <Typography component="span" variant="body2">
      {translate(key, args)}
    </Typography>
  );
  if (ticket.assignedStaffId === null) return say('keydesk.tickets.unassigned');
  if (identity && String(identity.id) === String(ticket.assignedStaffId)) {
    return say('keydesk.tickets.assigned_to_you', { name: identity.fullName ?? '' });
  }
  if (!canListStaff) return say('keydesk.tickets.assigned_to_colleague');
  return (
    <ReferenceField source="assignedStaffId" reference="staff" link={false}>
      <TextField source="displayName" />
    </ReferenceField>
  );
};
