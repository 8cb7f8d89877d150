import { Typography } from '@mui/material';
import type { ActivityEntryResponse } from '@keydesk/domain';
import { useRecordContext, useTranslate } from 'react-admin';

import { activityActionKey } from '../i18n/choices';

/**
 * An audit action as a sentence in the UI's language ("Password reset email sent"). An action
 * added to the api before its translation shows its stored value rather than nothing.
 */
export function useActivityActionLabel(): (action: string) => string {
  const translate = useTranslate();
  return (action) => translate(activityActionKey(action), { _: action });
}

/** The record's action, for the Log tab's table; `label` is read by the table's header. */
export const ActivityActionField = (_props: { label?: string }) => {
  const record = useRecordContext<ActivityEntryResponse>();
  const actionLabel = useActivityActionLabel();
  if (!record) return null;
  return <Typography variant="body2">{actionLabel(record.action)}</Typography>;
};
