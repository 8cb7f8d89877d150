import ListAltIcon from '@mui/icons-material/ListAlt';
import { Button, Chip, Stack } from '@mui/material';
import type { WebhookEvent, WebhookResponse } from '@keydesk/domain';
import { Link as RouterLink } from 'react-router-dom';
import { Link, useRecordContext, useTranslate } from 'react-admin';

import { webhookEventKey } from '../i18n/choices';

/** The events a webhook receives, by name. */
export const WebhookEvents = ({ events }: { events: readonly WebhookEvent[] }) => {
  const translate = useTranslate();
  return (
    <Stack component="ul" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', p: 0, m: 0 }}>
      {events.map((event) => (
        <Chip component="li" key={event} size="small" label={translate(webhookEventKey(event))} />
      ))}
    </Stack>
  );
};

export const WebhookEventsField = (_props: { label?: string }) => {
  const webhook = useRecordContext<WebhookResponse>();
  return webhook ? <WebhookEvents events={webhook.events} /> : null;
};

export const webhookPath = (id: WebhookResponse['id']) => `/integrations/webhooks/${id}`;

/** The address, leading to what was delivered to it. */
export const WebhookUrlField = (_props: { label?: string }) => {
  const webhook = useRecordContext<WebhookResponse>();
  if (!webhook) return null;
  return (
    <Link to={webhookPath(webhook.id)} sx={{ wordBreak: 'break-all' }}>
      {webhook.url}
    </Link>
  );
};

/** "Deliveries" on a webhook's row, named with its address since every row has one. */
export const WebhookDeliveriesButton = () => {
  const webhook = useRecordContext<WebhookResponse>();
  const translate = useTranslate();
  if (!webhook) return null;
  return (
    <Button
      size="small"
      component={RouterLink}
      to={webhookPath(webhook.id)}
      startIcon={<ListAltIcon />}
      aria-label={translate('keydesk.integrations.webhooks.deliveries_named', { url: webhook.url })}
    >
      {translate('keydesk.integrations.webhooks.deliveries')}
    </Button>
  );
};
