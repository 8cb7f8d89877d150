import LockResetIcon from '@mui/icons-material/LockReset';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { StaffResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  maxLength,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { AssurancePrompt } from '../approvals/AssurancePrompt';
import { useAssuranceGate } from '../approvals/useAssuranceGate';
import { useSubmissionErrors } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.staff_factors';

/**
 * "Reset second factors" for a staff member who lost their phone or passkey: with the reason (how
 * they were verified) for the log. Never offered on one's own page, which the api refuses anyway.
 */
export const StaffResetFactorsButton = () => {
  const record = useRecordContext<StaffResponse>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const [open, setOpen] = useState(false);
  const gate = useAssuranceGate();
  const reset = useMutation({
    mutationFn: ({ reason, approvalId }: { reason: string; approvalId?: number }) =>
      dataProvider.resetStaffFactors(record!.id, reason, approvalId),
  });
  if (!record || !identity || String(identity.id) === String(record.id)) return null;
  const name = { name: record.displayName };
  const close = () => {
    setOpen(false);
    gate.clear();
  };

  const submit = async (values: FieldValues) => {
    try {
      await reset.mutateAsync({ reason: String(values.reason).trim(), approvalId: gate.takeApprovalId() });
      // A 401 sent the administrator to the sign-in page instead: nothing was reset.
      if (!hasSession()) return;
      gate.succeeded();
      notify(`${PREFIX}.done`, { type: 'success', messageArgs: name });
      close();
    } catch (error) {
      // It always takes a second person's approval: the dialog keeps the reason and offers to ask.
      if (gate.refuse(error)) return undefined;
      return submissionErrors(error);
    }
  };

  return (
    <>
      <Button label={`${PREFIX}.reset`} onClick={() => setOpen(true)} aria-haspopup="dialog" color="warning">
        <LockResetIcon />
      </Button>
      <Dialog
        open={open}
        onClose={reset.isPending ? undefined : close}
        aria-labelledby={titleId}
        aria-describedby={helpId}
        fullWidth
        maxWidth="sm"
      >
        <Form record={{}} defaultValues={{ reason: '' }} onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>{translate(`${PREFIX}.title`, name)}</DialogTitle>
          <DialogContent>
            <DialogContentText id={helpId} sx={{ mb: 2 }}>
              {translate(`${PREFIX}.help`, name)}
            </DialogContentText>
            <TextInput
              source="reason"
              label={`${PREFIX}.reason`}
              helperText={`${PREFIX}.reason_help`}
              validate={[required(), maxLength(500)]}
              multiline
              minRows={2}
            />
            <AssurancePrompt gate={gate} subject={{ staffId: Number(record.id), name: record.displayName }} />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} disabled={reset.isPending} />
            <SaveButton
              label={`${PREFIX}.confirm`}
              icon={<LockResetIcon />}
              color="warning"
              alwaysEnable={!reset.isPending}
              disabled={reset.isPending}
            />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
