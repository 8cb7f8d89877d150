import SendIcon from '@mui/icons-material/Send';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import type { ApprovalResponse, AssuredAction } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button, Form, minValue, NumberInput, SaveButton, useDataProvider, useNotify, useTranslate } from 'react-admin';

import { ReasonInput } from '../common/ReasonInput';
import { useSubmissionErrors } from '../common/useApiErrors';
import { assuredActionKey } from '../i18n/choices';
import type { ApprovalRequest } from '../providers/assurance-provider';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import type { AssuranceSubject } from './useSubjectApprovals';

const PREFIX = 'keydesk.approvals.request';
export const APPROVAL_REASON_MAX_LENGTH = 500;

interface RequestApprovalDialogProps {
  action: AssuredAction;
  subject: AssuranceSubject;
  ticketId?: number;
  onClose: () => void;
}

/** "Ask for approval": the action the api named, whom it is about, and why (required), for a supervisor. */
export const RequestApprovalDialog = ({ action, subject, ticketId, onClose }: RequestApprovalDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const send = useMutation({ mutationFn: (request: ApprovalRequest) => dataProvider.requestApproval(request) });

  const submit = async (values: FieldValues) => {
    const ticket = Number(values.ticketId);
    try {
      const approval: ApprovalResponse = await send.mutateAsync({
        action,
        ...(subject.userId !== undefined ? { userId: subject.userId } : { staffId: subject.staffId! }),
        reason: String(values.reason).trim(),
        ...(values.ticketId != null && values.ticketId !== '' && ticket > 0 ? { ticketId: ticket } : {}),
      });
      // A 401 sent the agent to the sign-in page instead: nothing was asked.
      if (!hasSession()) return;
      await queryClient.invalidateQueries({ queryKey: ['approvals'] });
      notify(`${PREFIX}.sent`, { type: 'success', messageArgs: { id: approval.id } });
      onClose();
    } catch (error) {
      return submissionErrors(error);
    }
  };

  return (
    <Dialog
      open
      onClose={send.isPending ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={helpId}
      fullWidth
      maxWidth="sm"
    >
      <Form record={{}} defaultValues={{ reason: '', ticketId: ticketId ?? null }} onSubmit={submit}>
        <DialogTitle id={titleId}>{translate(`${PREFIX}.title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText id={helpId} sx={{ mb: 2 }}>
            {translate(`${PREFIX}.help`)}
          </DialogContentText>
          <Stack component="dl" spacing={0.5} sx={{ mt: 0, mb: 2 }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {translate('resources.approvals.fields.action')}
            </Typography>
            <Typography component="dd" variant="body1" sx={{ m: 0 }}>
              {translate(assuredActionKey(action), { _: action })}
            </Typography>
            <Typography component="dt" variant="body2" color="text.secondary">
              {translate('resources.approvals.fields.subjectName')}
            </Typography>
            <Typography component="dd" variant="body1" sx={{ m: 0 }}>
              {subject.name}
            </Typography>
          </Stack>
          <ReasonInput prefix={PREFIX} maxReasonLength={APPROVAL_REASON_MAX_LENGTH} autoFocus />
          <NumberInput
            source="ticketId"
            label={`${PREFIX}.ticket`}
            helperText={`${PREFIX}.ticket_help`}
            validate={minValue(1)}
            step={1}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={send.isPending} />
          <SaveButton
            label={`${PREFIX}.send`}
            icon={<SendIcon />}
            disabled={send.isPending}
            alwaysEnable={!send.isPending}
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
