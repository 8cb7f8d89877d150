import LockIcon from '@mui/icons-material/Lock';
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { amber, blue, grey } from '@mui/material/colors';
import type { TicketMessageResponse } from '@keydesk/domain';
import { useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';

/**
 * Internal notes must never be mistaken for what the customer reads: they say so in words, carry
 * a lock, and sit on amber with a thick border. Staff replies are blue, the customer's grey.
 */
function lookOf(message: TicketMessageResponse) {
  if (message.internal) return { bgcolor: amber[50], borderLeft: `6px solid ${amber[800]}` };
  if (message.authorType === 'staff') return { bgcolor: blue[50], borderLeft: `6px solid ${blue[700]}` };
  return { bgcolor: grey[50], borderLeft: `6px solid ${grey[500]}` };
}

export const TicketMessageCard = ({ message }: { message: TicketMessageResponse }) => {
  const translate = useTranslate();
  return (
    <Card component="article" variant="outlined" sx={lookOf(message)}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }} useFlexGap>
          {message.internal && (
            <Chip size="small" color="warning" icon={<LockIcon />} label={translate('keydesk.tickets.internal_note')} />
          )}
          <Typography component="h3" variant="subtitle2">
            {message.authorName}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`keydesk.tickets.author_type.${message.authorType}`)}
          </Typography>
          <RelativeDate value={message.createdAt} emptyText="keydesk.tickets.no_reply" />
        </Stack>
        <Box sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Typography variant="body2">{message.body}</Typography>
        </Box>
      </CardContent>
    </Card>
  );
};
