import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert,
  Box,
  Dialog,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { PasskeyResponse, TwoFactorStatus } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Confirm, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import { visuallyHidden } from '../common/visually-hidden';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { PasskeyEnrolment } from './PasskeyEnrolment';

const PREFIX = 'keydesk.passkeys';

/** "Add a passkey": its name and the ceremony in a dialog, closed only by finishing or cancelling. */
const AddPasskeyButton = ({ onChange }: { onChange: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const done = (name: string) => {
    setOpen(false);
    // A 401 sent the staff member to the sign-in page instead: nothing was added.
    if (hasSession()) notify(`${PREFIX}.added`, { type: 'success', messageArgs: { name } });
  };
  return (
    <>
      <Button label={`${PREFIX}.add`} onClick={() => setOpen(true)} aria-haspopup="dialog" variant="contained">
        <AddIcon />
      </Button>
      <Dialog open={open} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate(`${PREFIX}.add`)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(`${PREFIX}.add_help`)}</DialogContentText>
          {open && (
            <PasskeyEnrolment
              doneLabel="keydesk.two_factor.done"
              onAdded={onChange}
              onDone={done}
              onCancel={() => setOpen(false)}
            />
          )}
        </DialogContent>
      </Dialog>
    </>
  );
};

/** Removing one passkey, after a confirmation; the api's refusal (the last factor) stays in the dialog. */
const RemovePasskeyButton = ({ passkey, onChange }: { passkey: PasskeyResponse; onChange: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => dataProvider.removePasskey(passkey.id),
    onSuccess: () => {
      setOpen(false);
      if (!hasSession()) return;
      notify(`${PREFIX}.removed`, { type: 'success', messageArgs: { name: passkey.name } });
      onChange();
    },
  });
  const name = { name: passkey.name };
  return (
    <>
      <Button
        label={`${PREFIX}.remove`}
        aria-label={translate(`${PREFIX}.remove_label`, name)}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        color="error"
      >
        <DeleteIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={remove.isPending}
        title={`${PREFIX}.remove_title`}
        translateOptions={name}
        content={
          <Stack spacing={2}>
            <DialogContentText>{translate(`${PREFIX}.remove_content`)}</DialogContentText>
            {remove.error && <Alert severity="error">{remove.error.message}</Alert>}
          </Stack>
        }
        confirm={`${PREFIX}.remove`}
        confirmColor="warning"
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
      />
    </>
  );
};

/** My account → Security → Passkeys: each by name, when added and last used; add and remove. */
export const PasskeysSection = ({ status, onChange }: { status: TwoFactorStatus; onChange: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const date = (value: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="body2">{translate(`${PREFIX}.intro`)}</Typography>
      {status.passkeys.length === 0 ? (
        <Typography variant="body2">{translate(`${PREFIX}.none`)}</Typography>
      ) : (
        <Table size="small" aria-label={translate(`${PREFIX}.list_label`)}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${PREFIX}.name`)}</TableCell>
              <TableCell>{translate(`${PREFIX}.created`)}</TableCell>
              <TableCell>{translate(`${PREFIX}.last_used`)}</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {translate(`${PREFIX}.actions`)}
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {status.passkeys.map((passkey) => (
              <TableRow key={passkey.id}>
                <TableCell>{passkey.name}</TableCell>
                <TableCell>{date(passkey.createdAt)}</TableCell>
                <TableCell>
                  {passkey.lastUsedAt ? date(passkey.lastUsedAt) : translate(`${PREFIX}.never_used`)}
                </TableCell>
                <TableCell align="right">
                  <RemovePasskeyButton passkey={passkey} onChange={onChange} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <AddPasskeyButton onChange={onChange} />
    </Stack>
  );
};
