import LockIcon from '@mui/icons-material/Lock';
import SendIcon from '@mui/icons-material/Send';
import { Box } from '@mui/material';
import { amber } from '@mui/material/colors';
import type { TicketMessageResponse, TicketResponse } from '@keydesk/domain';
import { useState } from 'react';
import { useWatch, type FieldValues } from 'react-hook-form';
import {
  BooleanInput,
  Form,
  ResourceContextProvider,
  SaveButton,
  TextInput,
  required,
  useCreate,
  useNotify,
  useRefresh,
} from 'react-admin';

import { Section } from '../common/Section';
import { useSubmissionErrors } from '../common/useApiErrors';

const PUBLIC_LOOK = { p: 2, borderRadius: 1, border: 1, borderColor: 'divider' };
// The same amber as internal notes in the conversation.
const INTERNAL_LOOK = { ...PUBLIC_LOOK, bgcolor: amber[50], borderColor: amber[800] };

/** The form turns amber and its button says "Add internal note" while the switch is on. */
const ReplyFields = () => {
  const internal = useWatch({ name: 'internal' }) === true;
  return (
    <Box sx={internal ? INTERNAL_LOOK : PUBLIC_LOOK}>
      <TextInput source="body" multiline minRows={4} validate={required()} />
      <BooleanInput
        source="internal"
        helperText={internal ? 'keydesk.tickets.internal_help' : 'keydesk.tickets.public_help'}
      />
      <SaveButton
        label={internal ? 'keydesk.tickets.add_internal_note' : 'keydesk.tickets.send_reply'}
        icon={internal ? <LockIcon /> : <SendIcon />}
      />
    </Box>
  );
};

/**
 * Answers the customer or leaves a note for colleagues. After each message the form starts over
 * as a public reply, so a note is never sent to the customer by leaving the switch on.
 */
export const TicketReplyForm = ({ ticket }: { ticket: TicketResponse }) => {
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const refresh = useRefresh();
  const [create] = useCreate<TicketMessageResponse>();
  const [generation, setGeneration] = useState(0);

  const submit = async (values: FieldValues) => {
    const internal = values.internal === true;
    try {
      const body = String(values.body ?? '').trim();
      await create('ticket-messages', { data: { ticketId: ticket.id, body, internal } }, { returnPromise: true });
      notify(internal ? 'keydesk.tickets.note_added' : 'keydesk.tickets.replied', { type: 'success' });
      setGeneration((count) => count + 1);
      // A reply moves the ticket's status and last reply time: show them as the api now has them.
      refresh();
    } catch (error) {
      return submissionErrors(error);
    }
  };

  return (
    <Section title="keydesk.tickets.reply">
      <ResourceContextProvider value="ticket-messages">
        <Form key={generation} record={{ body: '', internal: false }} onSubmit={submit}>
          <ReplyFields />
        </Form>
      </ResourceContextProvider>
    </Section>
  );
};
