import LogoutIcon from '@mui/icons-material/Logout';
import {
  Alert,
  Box,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { StaffSessionResponse } from '@keydesk/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import { useNotifyError } from '../common/useApiErrors';
import { describeUserAgent } from '../common/user-agent';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.sessions';
const QUERY_KEY = ['keydesk', 'sessions'];

/** "Sign out" of one other session, or of every other one (after a confirmation). */
function useEndSessions(onEnded: () => void) {
  const notify = useNotify();
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  return useMutation({
    mutationFn: (id: string | null) => (id ? dataProvider.endSession(id) : dataProvider.endOtherSessions()),
    onSuccess: (_answer, id) => {
      // A 401 sent the staff member to the sign-in page instead.
      if (!hasSession()) return;
      notify(id ? `${PREFIX}.signed_out` : `${PREFIX}.others_signed_out`, { type: 'success' });
      onEnded();
    },
    onError: notifyError,
  });
}

/** My account → Security → where the staff member is signed in: when, from where, with what; this one marked. */
export const SessionsSection = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: QUERY_KEY, queryFn: () => dataProvider.getSessions() });
  const end = useEndSessions(() => queryClient.invalidateQueries({ queryKey: QUERY_KEY }));
  const [confirming, setConfirming] = useState(false);
  const date = (value: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));

  if (error) return <Alert severity="error">{translate(`${PREFIX}.load_failed`)}</Alert>;
  // An empty answer: a 401 sent the staff member to the sign-in page.
  if (!Array.isArray(data)) return <LinearProgress />;
  const others = data.filter((session) => !session.current).length;

  const row = (session: StaffSessionResponse) => {
    const browser = describeUserAgent(session.userAgent);
    return (
      <TableRow key={session.id} selected={session.current}>
        <TableCell>{date(session.createdAt)}</TableCell>
        <TableCell>{date(session.lastSeenAt)}</TableCell>
        <TableCell>{session.ip ?? translate(`${PREFIX}.unknown`)}</TableCell>
        <TableCell title={session.userAgent ?? undefined}>{browser ?? translate(`${PREFIX}.unknown`)}</TableCell>
        <TableCell>{translate(`${PREFIX}.method.${session.signedInWith}`)}</TableCell>
        <TableCell align="right">
          {session.current ? (
            <Chip label={translate(`${PREFIX}.current`)} color="primary" size="small" />
          ) : (
            <Button
              label={`${PREFIX}.sign_out`}
              aria-label={translate(`${PREFIX}.sign_out_label`, { date: date(session.createdAt) })}
              onClick={() => end.mutate(session.id)}
              disabled={end.isPending}
            >
              <LogoutIcon />
            </Button>
          )}
        </TableCell>
      </TableRow>
    );
  };

  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      {/* Six columns: on a narrow screen the table scrolls sideways rather than squeezing each cell. */}
      <Box sx={{ width: '100%', overflowX: 'auto' }}>
        <Table size="small" aria-label={translate(`${PREFIX}.title`)}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${PREFIX}.signed_in`)}</TableCell>
              <TableCell>{translate(`${PREFIX}.last_seen`)}</TableCell>
              <TableCell>{translate(`${PREFIX}.ip`)}</TableCell>
              <TableCell>{translate(`${PREFIX}.browser`)}</TableCell>
              <TableCell>{translate(`${PREFIX}.factor`)}</TableCell>
              <TableCell align="right">{translate(`${PREFIX}.status`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>{data.map(row)}</TableBody>
        </Table>
      </Box>
      {others === 0 ? (
        <Typography variant="body2">{translate(`${PREFIX}.only_this`)}</Typography>
      ) : (
        <Button label={`${PREFIX}.sign_out_others`} onClick={() => setConfirming(true)} aria-haspopup="dialog">
          <LogoutIcon />
        </Button>
      )}
      <Confirm
        isOpen={confirming}
        loading={end.isPending}
        title={`${PREFIX}.sign_out_others_title`}
        content={`${PREFIX}.sign_out_others_content`}
        confirm={`${PREFIX}.sign_out_others`}
        onConfirm={() => end.mutate(null, { onSettled: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};
