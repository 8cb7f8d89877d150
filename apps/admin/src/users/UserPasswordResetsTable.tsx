import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { PasswordResetResponse, PasswordResetState, UserResponse } from '@keydesk/domain';
import { useGetManyReference, useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';

const STATE_COLORS: Record<PasswordResetState, 'info' | 'success' | 'default' | 'warning'> = {
  sent: 'info',
  used: 'success',
  expired: 'default',
  voided: 'warning',
};

/** The reset links sent to the user and what became of each: the agent sees whether the customer used it. */
export const UserPasswordResetsTable = ({ user }: { user: UserResponse }) => {
  const translate = useTranslate();
  // The 25 newest, as the api orders them.
  const { data } = useGetManyReference<PasswordResetResponse>('user-password-resets', {
    target: 'userId',
    id: user.id,
    pagination: { page: 1, perPage: 25 },
  });
  if (!data) return null;
  if (data.length === 0) return <Typography variant="body2">{translate('keydesk.users.reset.none')}</Typography>;
  const companyOf = (reset: PasswordResetResponse) =>
    user.clients.find((m) => m.clientId === reset.clientId)?.companyName ?? '';
  const reasonOf = (reason: string | null) =>
    reason ? translate(`keydesk.users.reset.reasons.${reason}`, { _: reason }) : '';
  return (
    <Table size="small" aria-label={translate('keydesk.users.reset.links')}>
      <TableHead>
        <TableRow>
          {['sent_at', 'state', 'client', 'sent_by', 'reason', 'expires_at'].map((column) => (
            <TableCell key={column}>{translate(`keydesk.users.reset.columns.${column}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((reset) => (
          <TableRow key={reset.id}>
            <TableCell>
              <RelativeDate value={reset.createdAt} emptyText="keydesk.users.never" />
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                color={STATE_COLORS[reset.state]}
                label={translate(`keydesk.users.reset.states.${reset.state}`)}
              />
            </TableCell>
            <TableCell>
              {companyOf(reset)}
              {reset.ticketId ? ` · #${reset.ticketId}` : ''}
            </TableCell>
            <TableCell>{reset.sentBy.name}</TableCell>
            <TableCell>{reasonOf(reset.reason)}</TableCell>
            <TableCell>
              <RelativeDate value={reset.expiresAt} emptyText="keydesk.users.never" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
