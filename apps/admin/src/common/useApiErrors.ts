import { useCallback } from 'react';
import type { FieldValues } from 'react-hook-form';
import { HttpError, useNotify } from 'react-admin';

/** A failed call as an error notification, in the api's words: already in the UI's language. */
export function useNotifyError(): (error: unknown) => void {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    },
    [notify],
  );
}

/**
 * For a form's submit handler: the api's per-field refusals go back to the form, which shows each
 * under its input (and the summary as a notification); any other failure is notified. Either way
 * the form keeps what was typed.
 */
export function useSubmissionErrors(): (error: unknown) => FieldValues | undefined {
  const notifyError = useNotifyError();
  return useCallback(
    (error: unknown) => {
      if (error instanceof HttpError && error.body?.errors) return error.body.errors as FieldValues;
      notifyError(error);
      return undefined;
    },
    [notifyError],
  );
}
