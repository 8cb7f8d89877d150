import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { RescueCodeResponse, UserResponse } from '@keydesk/domain';
import { useGetManyReference, useRecordContext, useTranslate } from 'react-admin';

import { ClientLink } from '../clients/ClientFields';
import { RelativeDate } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { RescueCodeStateChip } from './RescueCodeStateChip';
import { RescueCodeUseCell } from './RescueCodeUseCell';

const PREFIX = 'keydesk.users.rescue';
const COLUMNS = ['requested_at', 'client', 'state', 'recipients', 'failed_attempts', 'requested_ip', 'used'] as const;

const RescueCodesTable = ({ user }: { user: UserResponse }) => {
  const translate = useTranslate();
  // The 25 newest, as the api orders them.
  const { data } = useGetManyReference<RescueCodeResponse>('user-rescue-codes', {
    target: 'userId',
    id: user.id,
    pagination: { page: 1, perPage: 25 },
  });
  if (!data) return null;
  if (data.length === 0) return <Typography variant="body2">{translate(`${PREFIX}.none`)}</Typography>;
  // A code names its client by id; the user's memberships say which company that is.
  const companyOf = (code: RescueCodeResponse) =>
    user.clients.find((membership) => membership.clientId === code.clientId)?.companyName ??
    translate(`${PREFIX}.unknown_client`, { id: code.clientId });
  return (
    <TableContainer>
      <Table size="small" aria-label={translate(`${PREFIX}.title`)}>
        <TableHead>
          <TableRow>
            {COLUMNS.map((column) => (
              <TableCell key={column}>{translate(`${PREFIX}.columns.${column}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((code) => (
            <TableRow key={code.id}>
              <TableCell>
                <RelativeDate value={code.createdAt} emptyText="keydesk.users.never" />
              </TableCell>
              <TableCell>
                <ClientLink clientId={code.clientId}>{companyOf(code)}</ClientLink>
              </TableCell>
              <TableCell>
                <RescueCodeStateChip code={code} />
              </TableCell>
              <TableCell>{translate(`${PREFIX}.recipient_count`, { smart_count: code.recipients })}</TableCell>
              <TableCell>{code.failedAttempts}</TableCell>
              <TableCell>{code.requestedIp ?? ''}</TableCell>
              <TableCell>
                <RescueCodeUseCell code={code} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/**
 * The codes the customer asked for on the sign-in page to get back in on their own (the XPD
 * procedure) and what became of each: before sending a reset, the agent sees whether the caller
 * already tried, from where, and whether someone has been guessing.
 */
export const UserRescueCodesSection = () => {
  const user = useRecordContext<UserResponse>();
  if (!user) return null;
  return (
    <Section title={`${PREFIX}.title`}>
      <RescueCodesTable user={user} />
    </Section>
  );
};
