import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { ActivityReviewRequest } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  DateTimeInput,
  Form,
  ResourceContextProvider,
  SaveButton,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

/** What is reviewed: chosen entries, or everything recorded in a period (suggested, editable). */
export type ReviewTarget = { entryIds: string[] } | { period: { from: string; to: string } };

interface ActivityReviewDialogProps {
  target: ReviewTarget;
  onClose: () => void;
  /** After the review is recorded, e.g. to clear the list's selection. */
  onReviewed?: () => void;
}

/** "2025-03-14T09:30" in the browser's time zone, as <input type="datetime-local"> wants it. */
export function localDateTime(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * The supervisor says what they checked; the review becomes an entry of the log itself, so it
 * cannot be taken back. A period covers every entry in it, whatever the list's filters show.
 */
export const ActivityReviewDialog = ({ target, onClose, onReviewed }: ActivityReviewDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (request: ActivityReviewRequest) => dataProvider.reviewActivity(request),
  });
  const byPeriod = 'period' in target;

  const submit = async (values: FieldValues) => {
    const comment = String(values.comment ?? '').trim();
    const request: ActivityReviewRequest = byPeriod
      ? {
          from: new Date(values.from as string).toISOString(),
          to: new Date(values.to as string).toISOString(),
          comment,
        }
      : { entryIds: target.entryIds, comment };
    try {
      const { covered } = await mutateAsync(request);
      // A 401 sent the supervisor to the sign-in page instead: nothing was reviewed.
      if (!hasSession()) return;
      // The list, the entries and the dashboard all show the marks.
      await queryClient.invalidateQueries({ queryKey: ['activity'] });
      notify('keydesk.activity.review.done', { type: 'success', messageArgs: { smart_count: covered } });
      onReviewed?.();
      onClose();
    } catch (error) {
      return submissionErrors(error);
    }
  };

  const title = byPeriod
    ? translate('keydesk.activity.review.period_title')
    : translate('keydesk.activity.review.title', { smart_count: target.entryIds.length });
  return (
    <Dialog
      open
      onClose={isPending ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={helpId}
      fullWidth
      maxWidth="sm"
    >
      <ResourceContextProvider value="activity">
        <Form record={byPeriod ? target.period : {}} onSubmit={submit}>
          <DialogTitle id={titleId}>{title}</DialogTitle>
          <DialogContent>
            <DialogContentText id={helpId} sx={{ mb: 2 }}>
              {translate(byPeriod ? 'keydesk.activity.review.period_help' : 'keydesk.activity.review.help')}
            </DialogContentText>
            {byPeriod && (
              <>
                <DateTimeInput source="from" label="keydesk.activity.review.from" validate={required()} />
                <DateTimeInput source="to" label="keydesk.activity.review.to" validate={required()} />
              </>
            )}
            <TextInput
              source="comment"
              label="keydesk.activity.review.comment"
              helperText="keydesk.activity.review.comment_help"
              multiline
              minRows={2}
              validate={[required(), maxLength(1000)]}
              autoFocus={!byPeriod}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
            <SaveButton
              label="keydesk.activity.review.button"
              icon={<DoneAllIcon />}
              disabled={isPending}
              alwaysEnable={!isPending}
            />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
