import { Stack, Typography } from '@mui/material';
import { Permission, type TicketResponse, type UserResponse } from '@keydesk/domain';
import { Link, useGetOne, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';
import { userName } from '../users/user-name';
import { CallerVerificationPanel } from '../verification/CallerVerificationPanel';

/**
 * The user the ticket is about, to Manage user, with whether the agent verified the caller: on the
 * phone about this ticket, the agent verifies from here and the verification keeps the ticket.
 */
export const TicketUserFact = ({ ticket }: { ticket: TicketResponse }) => {
  const translate = useTranslate();
  const canSeeUsers = useHasPermission(Permission.ClientsView);
  const userId = ticket.userId ?? undefined;
  const { data: user } = useGetOne<UserResponse>('users', { id: userId! }, { enabled: canSeeUsers && !!userId });
  if (!userId) {
    return <Typography variant="body2">{translate('keydesk.tickets.no_user')}</Typography>;
  }
  if (!canSeeUsers || !user) return <Typography variant="body2">{`#${userId}`}</Typography>;
  return (
    <Stack spacing={0.5}>
      <Link to={`/users/${user.id}/show`} variant="body2">
        {userName(user)}
      </Link>
      <CallerVerificationPanel userId={user.id} name={userName(user)} ticketId={ticket.id} />
    </Stack>
  );
};
