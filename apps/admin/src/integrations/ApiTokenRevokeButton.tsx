import BlockIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import type { ApiTokenResponse } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';

import { useNotifyError } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { apiTokenStatus } from './api-token-status';

const PREFIX = 'keydesk.integrations.api_tokens';

/** "Revoke" on an active token's row, after a confirmation: every api process refuses it at once. */
export const ApiTokenRevokeButton = (_props: { label?: string }) => {
  const token = useRecordContext<ApiTokenResponse>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const [open, setOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: () => dataProvider.revokeApiToken(token!.id),
    onSuccess: async () => {
      setOpen(false);
      // A 401 sent the administrator to the sign-in page instead: nothing was revoked.
      if (!hasSession()) return;
      notify(`${PREFIX}.revoked`, { type: 'success', messageArgs: { name: token!.name } });
      await queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
    },
    onError: (error) => {
      setOpen(false);
      notifyError(error);
    },
  });
  if (!token || apiTokenStatus(token) !== 'active') return null;
  const name = { name: token.name };

  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<BlockIcon />}
        aria-label={translate(`${PREFIX}.revoke_named`, name)}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {translate(`${PREFIX}.revoke`)}
      </Button>
      <Confirm
        isOpen={open}
        loading={revoke.isPending}
        title={`${PREFIX}.revoke_title`}
        content={`${PREFIX}.revoke_content`}
        titleTranslateOptions={name}
        contentTranslateOptions={name}
        confirm={`${PREFIX}.revoke`}
        confirmColor="warning"
        onConfirm={() => revoke.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
