import SendIcon from '@mui/icons-material/Send';
import type { EmailDetailResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRedirect } from 'react-admin';

import { useNotifyError } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

/**
 * Queues a new copy of a mail without secrets, after a confirmation, and opens the copy. The api
 * refuses mail that carried a link, password or code; the page does not offer it for those.
 */
export const ResendEmailButton = ({ email }: { email: EmailDetailResponse }) => {
  const [open, setOpen] = useState(false);
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const redirect = useRedirect();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.resendEmail(email.id),
    onSuccess: (copy) => {
      setOpen(false);
      // A 401 sent the staff member to the sign-in page instead: nothing was queued.
      if (!hasSession()) return;
      notify('keydesk.emails.resent', { type: 'success', messageArgs: { to: copy.to } });
      redirect('show', 'emails', copy.id);
    },
    onError: (error) => {
      setOpen(false);
      notifyError(error);
    },
  });

  return (
    <>
      <Button label="keydesk.emails.resend" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <SendIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="keydesk.emails.resend_title"
        content="keydesk.emails.resend_content"
        translateOptions={{ to: email.to }}
        confirm="keydesk.emails.resend"
        onConfirm={() => mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
