import DeleteIcon from '@mui/icons-material/Delete';
import { Button } from '@mui/material';
import type { WebhookResponse } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';

import { useNotifyError } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.integrations.webhooks';

/** "Remove" on a webhook's row, after a confirmation: what still waits for it is not sent. */
export const WebhookRemoveButton = (_props: { label?: string }) => {
  const webhook = useRecordContext<WebhookResponse>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => dataProvider.removeWebhook(webhook!.id),
    onSuccess: async () => {
      setOpen(false);
      // A 401 sent the administrator to the sign-in page instead: nothing was removed.
      if (!hasSession()) return;
      notify(`${PREFIX}.removed`, { type: 'success', messageArgs: { url: webhook!.url } });
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
    onError: (error) => {
      setOpen(false);
      notifyError(error);
    },
  });
  if (!webhook) return null;
  const url = { url: webhook.url };

  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<DeleteIcon />}
        aria-label={translate(`${PREFIX}.remove_named`, url)}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {translate(`${PREFIX}.remove`)}
      </Button>
      <Confirm
        isOpen={open}
        loading={remove.isPending}
        title={`${PREFIX}.remove_title`}
        content={`${PREFIX}.remove_content`}
        titleTranslateOptions={url}
        contentTranslateOptions={url}
        confirm={`${PREFIX}.remove`}
        confirmColor="warning"
        onConfirm={() => remove.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
