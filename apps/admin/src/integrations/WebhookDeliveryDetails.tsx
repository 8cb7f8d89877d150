import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { WebhookDeliveryResponse } from '@keydesk/domain';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { useAttemptAnswer } from './WebhookDeliveryFields';

const PREFIX = 'keydesk.integrations.deliveries';

/**
 * A delivery opened: its webhook-id, every attempt with the receiver's answer and how long it
 * took, and the body as sent (ids and names, never a secret).
 */
export const WebhookDeliveryDetails = () => {
  const delivery = useRecordContext<WebhookDeliveryResponse>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const answerOf = useAttemptAnswer();
  if (!delivery) return null;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const duration = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond' });

  return (
    <Stack spacing={2} sx={{ py: 1 }}>
      <Typography variant="body2">
        {`${translate(`${PREFIX}.message_id`)}: `}
        <Box component="code" sx={{ fontFamily: 'monospace' }}>
          {delivery.messageId}
        </Box>
      </Typography>
      {delivery.status === 'pending' && delivery.nextAttemptAt && (
        <Typography variant="body2">
          {`${translate(`${PREFIX}.next_attempt`)}: `}
          <RelativeDate value={delivery.nextAttemptAt} emptyText={`${PREFIX}.not_yet`} />
        </Typography>
      )}
      {delivery.attempts.length === 0 ? (
        <Typography variant="body2">{translate(`${PREFIX}.no_attempts`)}</Typography>
      ) : (
        <Table size="small" aria-label={translate(`${PREFIX}.attempts`)} sx={{ maxWidth: 900 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${PREFIX}.attempt_at`)}</TableCell>
              <TableCell>{translate(`${PREFIX}.answer`)}</TableCell>
              <TableCell align="right">{translate(`${PREFIX}.duration`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {delivery.attempts.map((attempt, index) => (
              <TableRow key={`${attempt.at}-${index}`}>
                <TableCell>
                  <time dateTime={attempt.at}>{time.format(new Date(attempt.at))}</time>
                </TableCell>
                <TableCell>{answerOf(attempt)}</TableCell>
                <TableCell align="right">{duration.format(attempt.durationMs)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Box>
        <Typography id={`payload-${delivery.id}`} variant="subtitle2" component="p">
          {translate(`${PREFIX}.payload`)}
        </Typography>
        {/* Focusable, so a long body can be scrolled from the keyboard. */}
        <Box
          component="pre"
          tabIndex={0}
          aria-labelledby={`payload-${delivery.id}`}
          sx={{
            m: 0,
            mt: 0.5,
            p: 1.5,
            maxHeight: 320,
            overflow: 'auto',
            bgcolor: 'action.hover',
            borderRadius: 1,
            fontSize: '0.8125rem',
          }}
        >
          {JSON.stringify(delivery.payload, null, 2)}
        </Box>
      </Box>
    </Stack>
  );
};
