import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Stack, Typography } from '@mui/material';
import { ApprovalDecision, ErrorCode, type ApprovalResponse } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  HttpError,
  maxLength,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { APPROVAL_REASON_MAX_LENGTH } from './RequestApprovalDialog';

const PREFIX = 'keydesk.approvals.decide';
const DONE = { approve: `${PREFIX}.approved`, deny: `${PREFIX}.denied` } as const;

/**
 * Approve or Deny, with a comment for the requester and the log. The api asks for a recent factor
 * (the step-up dialog) and refuses one's own request and one decided meanwhile.
 */
export const ApprovalDecisionForm = ({ approval }: { approval: ApprovalResponse }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  // Set by the button pressed, read by the submit it starts.
  const decision = useRef<ApprovalDecision>(ApprovalDecision.Approve);
  const decide = useMutation({
    mutationFn: (comment: string | undefined) => dataProvider.decideApproval(approval.id, decision.current, comment),
  });

  const submit = async (values: FieldValues) => {
    const comment = String(values.comment ?? '').trim();
    // The requester learns why from the comment: optional for an approval, not for a denial.
    if (decision.current === ApprovalDecision.Deny && !comment) return { comment: `${PREFIX}.comment_required` };
    try {
      await decide.mutateAsync(comment || undefined);
      // A 401 sent the supervisor to the sign-in page instead: nothing was decided.
      if (!hasSession()) return;
      await queryClient.invalidateQueries({ queryKey: ['approvals'] });
      notify(DONE[decision.current], { type: 'success', messageArgs: { id: approval.id } });
      refresh();
    } catch (error) {
      // Someone else decided it, or it expired, meanwhile: the page shows how it stands now.
      if (error instanceof HttpError && error.body?.code === ErrorCode.ApprovalAlreadyDecided) refresh();
      return submissionErrors(error);
    }
  };

  const busy = decide.isPending;
  return (
    <Form record={{}} defaultValues={{ comment: '' }} onSubmit={submit}>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate(`${PREFIX}.help`)}
      </Typography>
      <TextInput
        source="comment"
        label={`${PREFIX}.comment`}
        helperText={`${PREFIX}.comment_help`}
        validate={maxLength(APPROVAL_REASON_MAX_LENGTH)}
        multiline
        minRows={2}
        fullWidth
        slotProps={{ htmlInput: { maxLength: APPROVAL_REASON_MAX_LENGTH } }}
      />
      <Stack direction="row" spacing={1}>
        <Button
          type="submit"
          label={`${PREFIX}.approve`}
          variant="contained"
          color="success"
          disabled={busy}
          onClick={() => {
            decision.current = ApprovalDecision.Approve;
          }}
        >
          <CheckIcon />
        </Button>
        <Button
          type="submit"
          label={`${PREFIX}.deny`}
          variant="outlined"
          color="error"
          disabled={busy}
          onClick={() => {
            decision.current = ApprovalDecision.Deny;
          }}
        >
          <CloseIcon />
        </Button>
      </Stack>
    </Form>
  );
};
