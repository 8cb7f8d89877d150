import ReplayIcon from '@mui/icons-material/Replay';
import { Button } from '@mui/material';
import type { WebhookDeliveryResponse } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';

import { useNotifyError } from '../common/useApiErrors';
import { webhookEventKey } from '../i18n/choices';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.integrations.deliveries';

/**
 * "Send again" on a delivered or failed event: the same body and webhook-id, so a receiver that
 * already has it can drop the repeat. A pending one is on its way already; the api refuses it.
 */
export const SendAgainButton = (_props: { label?: string }) => {
  const delivery = useRecordContext<WebhookDeliveryResponse>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const again = useMutation({
    mutationFn: () => dataProvider.sendWebhookDeliveryAgain(delivery!.webhookId, delivery!.id),
    onSuccess: async () => {
      // A 401 sent the administrator to the sign-in page instead: nothing was queued.
      if (!hasSession()) return;
      notify(`${PREFIX}.sent_again`, { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['webhook-deliveries'] });
    },
    onError: notifyError,
  });
  if (!delivery || delivery.status === 'pending') return null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(delivery.createdAt),
  );

  return (
    <Button
      size="small"
      startIcon={<ReplayIcon />}
      aria-label={translate(`${PREFIX}.send_again_named`, {
        event: translate(webhookEventKey(delivery.event), { _: delivery.event }),
        time: when,
      })}
      disabled={again.isPending}
      onClick={() => again.mutate()}
    >
      {translate(`${PREFIX}.send_again`)}
    </Button>
  );
};
