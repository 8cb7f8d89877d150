import { Typography } from '@mui/material';
import type { EmailResponse } from '@keydesk/domain';
import { useRecordContext, useTranslate } from 'react-admin';

import { ChoiceChip } from '../common/ChoiceChip';

/** The fields take `label` only so that show layouts and tables can read it. */
interface EmailFieldProps {
  label?: string;
}

// A mail that did not leave is what an agent looks for when a customer says "I got nothing".
const STATUS_COLORS = { sent: 'success', retrying: 'warning', failed: 'error' } as const;

export const EmailStatusField = (_props: EmailFieldProps) => (
  <ChoiceChip source="status" prefix="keydesk.emails.status" colors={STATUS_COLORS} />
);

/** Which message it is ("Ticket reply"), in the UI's language. */
export const EmailTemplateField = (_props: EmailFieldProps) => {
  const record = useRecordContext<EmailResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span">
      {translate(`keydesk.emails.template.${record.template}`, { _: record.template })}
    </Typography>
  );
};
