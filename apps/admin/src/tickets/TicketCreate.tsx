import { AutocompleteInput, Create, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { TICKET_DEPARTMENT_CHOICES, TICKET_PRIORITY_CHOICES } from '../i18n/choices';
import { ClientUserInput } from './ClientUserInput';

interface TicketCreateForm {
  clientId: number;
  userId?: number | null;
  subject: string;
  message: string;
  department: string;
  priority: string;
}

// Only what POST /api/tickets accepts; a ticket about no particular user leaves userId out.
const toCreateBody = ({ clientId, userId, subject, message, department, priority }: TicketCreateForm) => ({
  clientId,
  ...(userId ? { userId } : {}),
  subject: subject.trim(),
  message: message.trim(),
  department,
  priority,
});

const DEFAULTS = { department: 'support', priority: 'medium', userId: null };

/**
 * Opens a ticket on a client's behalf, such as for a phone call. From a client's Tickets tab the
 * client is already chosen (react-admin reads it from the link's state).
 */
export const TicketCreate = () => (
  <Create transform={toCreateBody} redirect="show">
    <SimpleForm defaultValues={DEFAULTS} sx={{ maxWidth: 720 }}>
      <ReferenceInput source="clientId" reference="clients">
        <AutocompleteInput label="resources.tickets.fields.clientId" validate={required()} />
      </ReferenceInput>
      <ClientUserInput />
      <TextInput source="subject" autoComplete="off" validate={required()} />
      <TextInput
        source="message"
        multiline
        minRows={6}
        validate={required()}
        helperText="keydesk.tickets.message_help"
      />
      <SelectInput source="department" choices={TICKET_DEPARTMENT_CHOICES} validate={required()} />
      <SelectInput source="priority" choices={TICKET_PRIORITY_CHOICES} validate={required()} />
    </SimpleForm>
  </Create>
);
