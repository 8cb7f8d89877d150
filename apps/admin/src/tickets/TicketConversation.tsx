import { Stack, Typography } from '@mui/material';
import type { TicketMessageResponse } from '@keydesk/domain';
import { ReferenceManyField, useListContext, useTranslate } from 'react-admin';

import { Section } from '../common/Section';
import { TicketMessageCard } from './TicketMessageCard';

const Messages = () => {
  const { data = [] } = useListContext<TicketMessageResponse>();
  return (
    <Stack spacing={1.5}>
      {data.map((message) => (
        <TicketMessageCard key={message.id} message={message} />
      ))}
    </Stack>
  );
};

const NoMessages = () => {
  const translate = useTranslate();
  return <Typography variant="body2">{translate('keydesk.tickets.no_messages')}</Typography>;
};

/**
 * The whole conversation, oldest first as it was written, public replies and internal notes
 * together so the agent reads the case in order. A long ticket still fits one page of 500.
 */
export const TicketConversation = () => (
  <Section title="keydesk.tickets.conversation">
    <ReferenceManyField reference="ticket-messages" target="ticketId" perPage={500} empty={<NoMessages />}>
      <Messages />
    </ReferenceManyField>
  </Section>
);
