import { Button } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { Confirm, useNotify, useTranslate } from 'react-admin';

import { hasSession } from '../providers/auth-provider';
import { useNotifyError } from './useApiErrors';

/**
 * A row's destructive action, after a confirmation. Its texts are the keys `<verb>`, `<verb>_named`,
 * `<verb>_title`, `<verb>_content` and `done` under `prefix`, each given `args`.
 */
export const ConfirmButton = ({
  icon,
  prefix,
  verb,
  done,
  args,
  action,
  queryKey,
}: {
  icon: ReactElement;
  prefix: string;
  verb: string;
  done: string;
  args: Record<string, string>;
  action: () => Promise<unknown>;
  queryKey: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: async () => {
      setOpen(false);
      // A 401 sent the administrator to the sign-in page instead: nothing was done.
      if (!hasSession()) return;
      notify(`${prefix}.${done}`, { type: 'success', messageArgs: args });
      await queryClient.invalidateQueries({ queryKey: [queryKey] });
    },
    onError: (error) => {
      setOpen(false);
      notifyError(error);
    },
  });

  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={icon}
        aria-label={translate(`${prefix}.${verb}_named`, args)}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {translate(`${prefix}.${verb}`)}
      </Button>
      <Confirm
        isOpen={open}
        loading={mutation.isPending}
        title={`${prefix}.${verb}_title`}
        content={`${prefix}.${verb}_content`}
        titleTranslateOptions={args}
        contentTranslateOptions={args}
        confirm={`${prefix}.${verb}`}
        confirmColor="warning"
        onConfirm={() => mutation.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
