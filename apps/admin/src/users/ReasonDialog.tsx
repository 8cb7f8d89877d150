import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, type ReactElement, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button, Form, SaveButton } from 'react-admin';

import { ReasonInput } from '../common/ReasonInput';

/**
 * A dialog that asks for the reason a later reader of the activity log has to go on (required),
 * then hands it, trimmed, to `onSubmit`, whose answer is the form's submission errors.
 */
export const ReasonDialog = ({
  title,
  help,
  prefix,
  maxReasonLength,
  submitLabel,
  submitIcon,
  pending,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  help: string;
  prefix: string;
  maxReasonLength: number;
  submitLabel: string;
  submitIcon: ReactElement;
  pending: boolean;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
}) => {
  const titleId = useId();
  const helpId = useId();
  const submit = (values: FieldValues) => onSubmit(String(values.reason).trim());

  return (
    <Dialog
      open
      onClose={pending ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={helpId}
      fullWidth
      maxWidth="sm"
    >
      <Form record={{}} defaultValues={{ reason: '' }} onSubmit={submit}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText id={helpId} sx={{ mb: 2 }}>
            {help}
          </DialogContentText>
          <ReasonInput prefix={prefix} maxReasonLength={maxReasonLength} autoFocus />
          {children}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={pending} />
          <SaveButton label={submitLabel} icon={submitIcon} disabled={pending} alwaysEnable={!pending} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
