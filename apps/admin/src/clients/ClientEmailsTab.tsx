import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { Section, type TabContentProps } from '../common/Section';

/**
 * The emails Keydesk sent to this client. Keydesk sends no mail yet, so there is truly nothing to
 * list; when mail arrives, the list of GET /api/emails?filter={"clientId":…} replaces this text.
 */
export const ClientEmailsTab = (_props: TabContentProps) => {
  const translate = useTranslate();
  return (
    <Section title="keydesk.client_emails.title">
      <Typography variant="body2" color="text.secondary">
        {translate('keydesk.client_emails.empty')}
      </Typography>
    </Section>
  );
};
