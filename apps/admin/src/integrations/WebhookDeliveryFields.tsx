import { Chip, Typography } from '@mui/material';
import type { WebhookDeliveryResponse, WebhookDeliveryStatus } from '@keydesk/domain';
import { useRecordContext, useTranslate } from 'react-admin';

import { webhookEventKey } from '../i18n/choices';

const PREFIX = 'keydesk.integrations.deliveries';

const STATUS_COLORS: Record<WebhookDeliveryStatus, 'info' | 'success' | 'error'> = {
  pending: 'info',
  delivered: 'success',
  failed: 'error',
};

type Attempt = WebhookDeliveryResponse['attempts'][number];

/** What the receiver answered: its HTTP status, or why there was no answer (refused, timed out). */
export function useAttemptAnswer(): (attempt: Attempt) => string {
  const translate = useTranslate();
  return (attempt) => {
    const status = attempt.status === null ? null : translate(`${PREFIX}.http_status`, { status: attempt.status });
    return [status, attempt.error].filter(Boolean).join(' · ') || translate(`${PREFIX}.no_answer`);
  };
}

export const DeliveryEventField = (_props: { label?: string }) => {
  const delivery = useRecordContext<WebhookDeliveryResponse>();
  const translate = useTranslate();
  if (!delivery) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(webhookEventKey(delivery.event), { _: delivery.event })}
    </Typography>
  );
};

export const DeliveryStatusField = (_props: { label?: string }) => {
  const delivery = useRecordContext<WebhookDeliveryResponse>();
  const translate = useTranslate();
  if (!delivery) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLORS[delivery.status]}
      label={translate(`${PREFIX}.status.${delivery.status}`, { _: delivery.status })}
    />
  );
};

/** How many attempts, and the last answer: enough to see a failing receiver without opening the row. */
export const DeliveryAttemptsField = (_props: { label?: string }) => {
  const delivery = useRecordContext<WebhookDeliveryResponse>();
  const translate = useTranslate();
  const answerOf = useAttemptAnswer();
  if (!delivery) return null;
  const last = delivery.attempts.at(-1);
  return (
    <Typography component="span" variant="body2">
      {translate(`${PREFIX}.attempt_count`, { smart_count: delivery.attempts.length })}
      {last && ` · ${answerOf(last)}`}
    </Typography>
  );
};
