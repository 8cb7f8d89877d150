import type { TicketResponse } from '@keydesk/domain';
import type { FieldValues } from 'react-hook-form';
import { Form, SaveButton, SelectInput, required, useNotify, useUpdate } from 'react-admin';

import { Section } from '../common/Section';
import { useSubmissionErrors } from '../common/useApiErrors';
import { TICKET_DEPARTMENT_CHOICES, TICKET_PRIORITY_CHOICES, TICKET_STATUS_CHOICES } from '../i18n/choices';
import { AssigneeInput } from './AssigneeInput';

/** Only what PUT /api/tickets/:id accepts; an empty assignee means nobody. */
function toUpdateBody(values: FieldValues) {
  const assignee = values.assignedStaffId;
  return {
    status: values.status as TicketResponse['status'],
    priority: values.priority as TicketResponse['priority'],
    department: values.department as TicketResponse['department'],
    assignedStaffId: assignee === '' || assignee == null ? null : Number(assignee),
  };
}

/** Status, priority, department and assignee, changed together with one save. */
export const TicketPropertiesForm = ({ ticket }: { ticket: TicketResponse }) => {
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const [update] = useUpdate<TicketResponse>(undefined, undefined, { mutationMode: 'pessimistic' });

  const submit = async (values: FieldValues) => {
    try {
      const data = toUpdateBody(values);
      await update('tickets', { id: ticket.id, data, previousData: ticket }, { returnPromise: true });
      notify('keydesk.tickets.updated', { type: 'success' });
    } catch (error) {
      return submissionErrors(error);
    }
  };

  return (
    <Section title="keydesk.tickets.properties">
      <Form record={ticket} onSubmit={submit}>
        <SelectInput source="status" choices={TICKET_STATUS_CHOICES} validate={required()} />
        <SelectInput source="priority" choices={TICKET_PRIORITY_CHOICES} validate={required()} />
        <SelectInput source="department" choices={TICKET_DEPARTMENT_CHOICES} validate={required()} />
        <AssigneeInput />
        <SaveButton label="keydesk.tickets.save_properties" />
      </Form>
    </Section>
  );
};
