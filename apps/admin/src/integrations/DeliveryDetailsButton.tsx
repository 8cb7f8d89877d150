import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Button } from '@mui/material';
import type { WebhookDeliveryResponse } from '@keydesk/domain';
import { useExpanded, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { webhookEventKey } from '../i18n/choices';

const PREFIX = 'keydesk.integrations.deliveries';
const RESOURCE = 'webhook-deliveries';

/**
 * Opens the row's attempts and body. react-admin's own expand icon is hidden from screen readers
 * and out of the tab order, so this button, which shares its state, replaces it.
 */
export const DeliveryDetailsButton = () => {
  const delivery = useRecordContext<WebhookDeliveryResponse>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [expanded, toggle] = useExpanded(RESOURCE, delivery?.id ?? '');
  if (!delivery) return null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(delivery.createdAt),
  );
  return (
    <Button
      size="small"
      startIcon={
        <ExpandMoreIcon sx={{ transition: 'transform 150ms', transform: expanded ? 'rotate(180deg)' : 'none' }} />
      }
      aria-expanded={expanded}
      aria-controls={`${RESOURCE}-${delivery.id}-expand`}
      aria-label={translate(`${PREFIX}.details_named`, {
        event: translate(webhookEventKey(delivery.event), { _: delivery.event }),
        time: when,
      })}
      onClick={toggle}
    >
      {translate(`${PREFIX}.details`)}
    </Button>
  );
};
