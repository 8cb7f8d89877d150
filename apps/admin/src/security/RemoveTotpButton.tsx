import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, DialogContentText, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin';

import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.security';

/**
 * Turns the authenticator app off, after a confirmation. Where the policy requires a second factor
 * the api refuses to remove the last one; its reason stays in the dialog, beside the question.
 */
export const RemoveTotpButton = ({ onRemoved }: { onRemoved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => dataProvider.removeTotp(),
    onSuccess: () => {
      setOpen(false);
      // A 401 sent the staff member to the sign-in page instead: nothing was removed.
      if (!hasSession()) return;
      notify(`${PREFIX}.removed`, { type: 'success' });
      onRemoved();
    },
  });
  const close = () => {
    setOpen(false);
    remove.reset();
  };

  return (
    <>
      <Button label={`${PREFIX}.remove`} onClick={() => setOpen(true)} aria-haspopup="dialog" color="error">
        <DeleteIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={remove.isPending}
        title={`${PREFIX}.remove_title`}
        content={
          <Stack spacing={2}>
            <DialogContentText>{translate(`${PREFIX}.remove_content`)}</DialogContentText>
            {remove.error && <Alert severity="error">{remove.error.message}</Alert>}
          </Stack>
        }
        confirm={`${PREFIX}.remove`}
        confirmColor="warning"
        onConfirm={() => remove.mutate()}
        onClose={close}
      />
    </>
  );
};
