import { Alert } from '@mui/material';
import { PasswordDelivery, type SetUserPasswordResponse } from '@keydesk/domain';
import { Link, useCloseNotification, useLocaleState, useTranslate } from 'react-admin';

import { relativeTime } from '../common/RelativeDateField';

interface PasswordSentNoticeProps {
  result: SetUserPasswordResponse;
  email: string;
}

const PREFIX = 'keydesk.users.change_password';

/**
 * The notification after "Change password": where the password went (which address, how, which
 * ticket), with a link to the ticket, since that is where the customer will answer.
 */
export const PasswordSentNotice = ({ result, email }: PasswordSentNoticeProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const close = useCloseNotification();
  const how = result.delivery === PasswordDelivery.Link ? 'sent_link' : 'sent_inline';
  const ticket = result.ticketCreated ? 'sent_new_ticket' : 'sent_ticket';
  const when = relativeTime(new Date(result.expiresAt), new Date(), locale);
  return (
    <Alert severity="success" variant="filled" onClose={close}>
      {translate(`${PREFIX}.${how}`, { email })}{' '}
      <Link
        to={`/tickets/${result.ticketId}/show`}
        onClick={close}
        sx={{ color: 'inherit', textDecoration: 'underline' }}
      >
        {translate(`${PREFIX}.${ticket}`, { id: result.ticketId })}
      </Link>
      {'. '}
      {translate(`${PREFIX}.sent_expires`, { when })}
    </Alert>
  );
};
