import PushPinIcon from '@mui/icons-material/PushPin';
import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { Permission, type NoteResponse, type TicketResponse } from '@keydesk/domain';
import { RecordContextProvider, useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { useHasPermission } from '../common/useHasPermission';
import { TicketStatusField, TicketSubjectLink } from '../tickets/TicketFields';
import { SummaryCard } from './SummaryAccountCards';

const TicketStatusChip = ({ ticket }: { ticket: TicketResponse }) => (
  <RecordContextProvider value={ticket}>
    <TicketStatusField />
  </RecordContextProvider>
);

const Empty = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return <Typography variant="body2">{translate(text)}</Typography>;
};

/** The client's tickets that are not closed, each a link to its conversation. */
export const SummaryOpenTicketsCard = ({ tickets }: { tickets: readonly TicketResponse[] }) => {
  const canSeeTickets = useHasPermission(Permission.TicketsView);
  return (
    <SummaryCard title="keydesk.client_summary.open_tickets">
      {tickets.length === 0 ? (
        <Empty text="keydesk.client_summary.no_open_tickets" />
      ) : (
        <List dense disablePadding>
          {tickets.map((ticket) => (
            <ListItem key={ticket.id} disableGutters secondaryAction={<TicketStatusChip ticket={ticket} />}>
              <ListItemText
                primary={canSeeTickets ? <TicketSubjectLink ticket={ticket} /> : `#${ticket.id} ${ticket.subject}`}
                secondary={<RelativeDate value={ticket.lastReplyAt} emptyText="keydesk.tickets.no_reply" />}
              />
            </ListItem>
          ))}
        </List>
      )}
    </SummaryCard>
  );
};

/** Notes colleagues pinned for whoever next speaks with this client ("calls only from the owner"). */
export const SummaryStickyNotesCard = ({ notes }: { notes: readonly NoteResponse[] }) => (
  <SummaryCard title="keydesk.client_summary.sticky_notes">
    {notes.length === 0 ? (
      <Empty text="keydesk.client_summary.no_sticky_notes" />
    ) : (
      <List dense disablePadding>
        {notes.map((note) => (
          <ListItem key={note.id} disableGutters alignItems="flex-start">
            <ListItemIcon sx={{ minWidth: 32, mt: 0.5 }}>
              <PushPinIcon fontSize="small" color="action" />
            </ListItemIcon>
            <ListItemText
              primary={note.body}
              slotProps={{ primary: { sx: { whiteSpace: 'pre-wrap' } } }}
              secondary={
                <>
                  {`${note.authorName} · `}
                  <RelativeDate value={note.createdAt} emptyText="keydesk.notes.unknown_time" />
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    )}
  </SummaryCard>
);
