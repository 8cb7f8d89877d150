import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import { Alert, DialogContentText, Stack, Typography } from '@mui/material';
import { Permission, type ClientResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.clients.two_factor';

/** "Required of every user" or "Not required", in words: for the profile and the summary. */
export const ClientTwoFactorText = ({ client }: { client: Pick<ClientResponse, 'requireTwoFactor'> }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" component="span">
      {translate(client.requireTwoFactor ? `${PREFIX}.required` : `${PREFIX}.not_required`)}
    </Typography>
  );
};

/**
 * Whether every user of the client must sign in with a second factor, and for users.manage the
 * switch, after a confirmation that says what users without one will meet at their next sign-in.
 */
export const ClientTwoFactorRequirement = (_props: { label?: string }) => {
  const client = useRecordContext<ClientResponse>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const canManage = useHasPermission(Permission.UsersManage);
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const [open, setOpen] = useState(false);
  const change = useMutation({
    mutationFn: (required: boolean) => dataProvider.setClientTwoFactorRequirement(client!.id, required),
    onSuccess: (_client, required) => {
      setOpen(false);
      // A 401 sent the agent to the sign-in page instead: nothing changed.
      if (!hasSession()) return;
      refresh();
      notify(required ? `${PREFIX}.now_required` : `${PREFIX}.now_optional`, { type: 'success' });
    },
  });
  if (!client) return null;
  const next = !client.requireTwoFactor;
  const action = next ? 'require' : 'stop';
  const close = () => {
    setOpen(false);
    change.reset();
  };

  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <ClientTwoFactorText client={client} />
      {canManage && (
        <>
          <Button
            label={`${PREFIX}.${action}`}
            onClick={() => setOpen(true)}
            aria-haspopup="dialog"
            variant="outlined"
            color={next ? 'primary' : 'warning'}
          >
            <PhonelinkLockIcon />
          </Button>
          <Confirm
            isOpen={open}
            loading={change.isPending}
            title={`${PREFIX}.${action}_title`}
            translateOptions={{ company: client.companyName }}
            content={
              <Stack spacing={2}>
                <DialogContentText>
                  {translate(`${PREFIX}.${action}_content`, { company: client.companyName })}
                </DialogContentText>
                {change.error && <Alert severity="error">{change.error.message}</Alert>}
              </Stack>
            }
            confirm={`${PREFIX}.${action}`}
            confirmColor={next ? 'primary' : 'warning'}
            onConfirm={() => change.mutate(next)}
            onClose={close}
          />
        </>
      )}
    </Stack>
  );
};
