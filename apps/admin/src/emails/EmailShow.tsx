import { Alert, Box, Divider, Stack, Typography } from '@mui/material';
import { Permission, type EmailDetailResponse } from '@keydesk/domain';
import { Labeled, Link, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { EmailStatusField, EmailTemplateField } from './EmailFields';
import { ResendEmailButton } from './ResendEmailButton';

const EmailShowActions = () => {
  const email = useRecordContext<EmailDetailResponse>();
  const canResend = useHasPermission(Permission.ClientsEdit);
  return <TopToolbar>{email && canResend && !email.hasSecret && <ResendEmailButton email={email} />}</TopToolbar>;
};

/** Where it went and how its delivery went, on one line. */
const EmailFacts = () => {
  const email = useRecordContext<EmailDetailResponse>();
  const translate = useTranslate();
  if (!email) return null;
  return (
    <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Labeled>
        <TextField source="to" />
      </Labeled>
      <Labeled label="resources.emails.fields.template">
        <EmailTemplateField />
      </Labeled>
      <Labeled label="resources.emails.fields.status">
        <EmailStatusField />
      </Labeled>
      <Labeled>
        <TextField source="attempts" />
      </Labeled>
      <Labeled>
        <RelativeDateField source="createdAt" emptyText="keydesk.emails.unknown_date" />
      </Labeled>
      <Labeled>
        <RelativeDateField source="sentAt" emptyText="keydesk.emails.not_sent" />
      </Labeled>
      {email.clientId !== null && (
        <Labeled label="resources.emails.fields.clientId">
          <Link to={`/clients/${email.clientId}/show/emails`}>{translate('keydesk.emails.back_to_client')}</Link>
        </Labeled>
      )}
    </Stack>
  );
};

/**
 * One mail as the customer got it, every link, password or code shown as "[redacted]": what the
 * agent needs to answer "what did you send me?", never the secret itself.
 */
const EmailLayout = () => {
  const email = useRecordContext<EmailDetailResponse>();
  const translate = useTranslate();
  if (!email) return null;
  return (
    <Stack spacing={3} divider={<Divider flexItem />} sx={{ p: 2 }}>
      <Box>
        <Typography component="h2" variant="h6" sx={{ mb: 2 }}>
          {email.subject}
        </Typography>
        <EmailFacts />
      </Box>
      {email.lastError && (
        <Alert severity={email.status === 'failed' ? 'error' : 'warning'}>
          {translate('keydesk.emails.last_error', { error: email.lastError })}
        </Alert>
      )}
      {email.hasSecret && <Alert severity="info">{translate('keydesk.emails.has_secret')}</Alert>}
      <Section title="keydesk.emails.body">
        <Typography component="pre" variant="body2" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}>
          {email.text}
        </Typography>
      </Section>
    </Stack>
  );
};

export const EmailShow = () => (
  <Show actions={<EmailShowActions />}>
    <EmailLayout />
  </Show>
);
