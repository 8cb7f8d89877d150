import { TicketStatus, type ClientResponse, type TicketResponse } from '@keydesk/domain';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { maxLength, required, SelectInput, TextInput, useGetList, useGetOne, useTranslate } from 'react-admin';

import { translateIn } from '../providers/i18n-provider';

/** The ticket choice that opens a new ticket rather than naming one. */
export const NEW_TICKET = 'new';

const NOT_CLOSED = Object.values(TicketStatus).filter((status) => status !== TicketStatus.Closed);
const NEWEST = { field: 'lastReplyAt', order: 'DESC' } as const;

/** The client's tickets, the ones still open first, each group newest first. */
export function useClientTickets(clientId: number | undefined): TicketResponse[] {
  const enabled = Boolean(clientId);
  const { data: open = [] } = useGetList<TicketResponse>(
    'tickets',
    {
      filter: { clientId, status: NOT_CLOSED },
      pagination: { page: 1, perPage: 50 },
      sort: NEWEST,
    },
    { enabled },
  );
  const { data: closed = [] } = useGetList<TicketResponse>(
    'tickets',
    {
      filter: { clientId, status: TicketStatus.Closed },
      pagination: { page: 1, perPage: 10 },
      sort: NEWEST,
    },
    { enabled },
  );
  return [...open, ...closed];
}

/**
 * Until the agent edits it, the new ticket's subject is the usual one in the client's language,
 * which is the language the customer reads the ticket in, whatever the UI's.
 */
function usePrefilledSubject(client: ClientResponse | undefined): void {
  const { setValue, getFieldState } = useFormContext();
  useEffect(() => {
    if (!client || getFieldState('newTicketSubject').isDirty) return;
    setValue(
      'newTicketSubject',
      translateIn(client.language, 'keydesk.users.change_password.new_ticket_subject', {
        company: client.companyName,
      }),
    );
  }, [client, getFieldState, setValue]);
}

/** Another client has other tickets: a ticket chosen for the previous one goes back to `choice` ("open a new ticket"). */
export function useTicketResetOnClientChange(clientId: number | undefined, choice: string | null = NEW_TICKET): void {
  const { setValue } = useFormContext();
  const previous = useRef(clientId);
  useEffect(() => {
    if (previous.current === clientId) return;
    previous.current = clientId;
    setValue('ticketId', choice);
  }, [choice, clientId, setValue]);
}

/** Where the public reply goes: one of the client's tickets, or a new one opened for the user. */
export const PasswordTicketInput = () => {
  const translate = useTranslate();
  const clientId = useWatch({ name: 'clientId' }) as number | undefined;
  const choice = useWatch({ name: 'ticketId' }) as number | typeof NEW_TICKET | undefined;
  const { data: client } = useGetOne<ClientResponse>('clients', { id: clientId! }, { enabled: Boolean(clientId) });
  const tickets = useClientTickets(clientId);
  usePrefilledSubject(client);
  useTicketResetOnClientChange(clientId);

  const choices = [
    { id: NEW_TICKET, name: translate('keydesk.users.change_password.new_ticket') },
    ...tickets.map((ticket) => ({
      id: ticket.id,
      name: `#${ticket.id} · ${ticket.subject} · ${translate(`keydesk.tickets.status.${ticket.status}`)}`,
    })),
  ];
  return (
    <>
      <SelectInput
        source="ticketId"
        label="keydesk.users.change_password.ticket"
        helperText="keydesk.users.change_password.ticket_help"
        choices={choices}
        translateChoice={false}
        validate={required()}
        fullWidth
      />
      {choice === NEW_TICKET && (
        <TextInput
          source="newTicketSubject"
          label="keydesk.users.change_password.new_ticket_subject_label"
          helperText="keydesk.users.change_password.new_ticket_subject_help"
          validate={[required(), maxLength(255)]}
          fullWidth
        />
      )}
    </>
  );
};
