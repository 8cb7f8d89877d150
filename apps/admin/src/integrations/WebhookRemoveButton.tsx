import DeleteIcon from '@mui/icons-material/Delete';
import type { WebhookResponse } from '@keydesk/domain';
import { useDataProvider, useRecordContext } from 'react-admin';

import { ConfirmButton } from '../common/ConfirmButton';
import type { KeydeskDataProvider } from '../providers/data-provider';

/** "Remove" on a webhook's row, after a confirmation: what still waits for it is not sent. */
export const WebhookRemoveButton = (_props: { label?: string }) => {
  const webhook = useRecordContext<WebhookResponse>();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  if (!webhook) return null;
  return (
    <ConfirmButton
      icon={<DeleteIcon />}
      prefix="keydesk.integrations.webhooks"
      verb="remove"
      done="removed"
      args={{ url: webhook.url }}
      action={() => dataProvider.removeWebhook(webhook.id)}
      queryKey="webhooks"
    />
  );
};
