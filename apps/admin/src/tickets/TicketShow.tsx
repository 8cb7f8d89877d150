import { Box, Grid } from '@mui/material';
import { Permission, type TicketResponse } from '@keydesk/domain';
import { Show, useRecordContext } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';
import { TicketConversation } from './TicketConversation';
import { TicketHeader } from './TicketHeader';
import { TicketPropertiesForm } from './TicketPropertiesForm';
import { TicketReplyForm } from './TicketReplyForm';

/** The conversation with the reply form under it; beside it, the ticket's settings to change. */
const TicketLayout = () => {
  const ticket = useRecordContext<TicketResponse>();
  const canReply = useHasPermission(Permission.TicketsReply);
  if (!ticket) return null;
  return (
    <Box sx={{ p: 2 }}>
      <TicketHeader />
      <Grid container spacing={4}>
        <Grid size={{ xs: 12, md: canReply ? 8 : 12 }}>
          <TicketConversation />
          {canReply && (
            <Box sx={{ mt: 3 }}>
              <TicketReplyForm ticket={ticket} />
            </Box>
          )}
        </Grid>
        {canReply && (
          <Grid size={{ xs: 12, md: 4 }}>
            <TicketPropertiesForm ticket={ticket} />
          </Grid>
        )}
      </Grid>
    </Box>
  );
};

export const TicketShow = () => (
  <Show actions={false}>
    <TicketLayout />
  </Show>
);
