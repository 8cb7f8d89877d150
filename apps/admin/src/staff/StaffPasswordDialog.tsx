import KeyIcon from '@mui/icons-material/Key';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { StaffResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import type { FieldValues } from 'react-hook-form';
import { Button, Form, HttpError, SaveButton, useDataProvider, useNotify, useTranslate } from 'react-admin';

import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { PasswordPolicyInput } from './PasswordPolicyInput';

interface StaffPasswordDialogProps {
  record: StaffResponse;
  onClose: () => void;
}

export const StaffPasswordDialog = ({ record, onClose }: StaffPasswordDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (password: string) => dataProvider.setStaffPassword(record.id, password),
  });
  const name = record.displayName;

  const submit = async ({ password }: FieldValues) => {
    try {
      await mutateAsync(password as string);
      // A 401 sent the staff member to the sign-in page instead: the password did not change.
      if (!hasSession()) return;
      notify('keydesk.password.changed', { type: 'success', messageArgs: { name } });
      onClose();
    } catch (error) {
      // A refusal of the password itself belongs next to the input; anything else is a notice.
      if (error instanceof HttpError && error.body?.errors) return error.body.errors as FieldValues;
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <Dialog
      open
      onClose={isPending ? undefined : onClose}
      aria-labelledby="staff-password-title"
      aria-describedby="staff-password-help"
      fullWidth
      maxWidth="sm"
    >
      {/* Its own record, so the staff member being edited is not what this form submits. */}
      <Form record={{}} defaultValues={{ password: '' }} onSubmit={submit}>
        <DialogTitle id="staff-password-title">{translate('keydesk.password.dialog_title', { name })}</DialogTitle>
        <DialogContent>
          <DialogContentText id="staff-password-help" sx={{ mb: 2 }}>
            {translate('keydesk.password.dialog_help', { name })}
          </DialogContentText>
          <PasswordPolicyInput
            autoFocus
            known={{ username: record.username, email: record.email, name: record.displayName }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
          <SaveButton label="keydesk.password.save" icon={<KeyIcon />} disabled={isPending} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
