import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
} from '@mui/material';
import type { ClientResponse, ClientUserResponse } from '@keydesk/domain';
import { useId, useState } from 'react';
import { Button, useDelete, useNotify, useShowContext, useTranslate } from 'react-admin';

import { useNotifyError } from '../common/useApiErrors';
import type { NestedDeleteMeta } from '../providers/nested-resources';
import { fullName } from './ClientUserFields';

interface RemoveUserDialogProps {
  user: ClientUserResponse;
  otherUsers: ClientUserResponse[];
  onClose: () => void;
}

/**
 * Ends a user's membership of this client (their account and other clients stay). A client keeps
 * an owner while it has users, so removing the owner asks who takes over, and the api makes the
 * change and the removal together.
 */
export const RemoveUserDialog = ({ user, otherUsers, onClose }: RemoveUserDialogProps) => {
  // The client of the profile page: inside the table's row, the record is the user.
  const { record: client } = useShowContext<ClientResponse>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const titleId = useId();
  const [newOwnerId, setNewOwnerId] = useState('');
  const [remove, { isPending }] = useDelete<ClientUserResponse>(undefined, undefined, { mutationMode: 'pessimistic' });
  const name = fullName(user);
  const mustPickOwner = user.owner && otherUsers.length > 0;
  const meta: NestedDeleteMeta | undefined = mustPickOwner ? { query: { newOwnerId } } : undefined;

  const confirm = () =>
    remove(
      'client-users',
      { id: user.id, previousData: user, meta },
      {
        onSuccess: () => {
          notify('keydesk.client_users.removed', { type: 'success', messageArgs: { name } });
          onClose();
        },
        // The api explains its refusals (an owner to replace first) in the UI's language.
        onError: notifyError,
      },
    );

  return (
    <Dialog open onClose={isPending ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>
        {translate('keydesk.client_users.remove_title', { name, company: client?.companyName ?? '' })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('keydesk.client_users.remove_content', { name })}</DialogContentText>
        {mustPickOwner && (
          <FormControl component="fieldset" sx={{ mt: 2 }} required>
            <FormLabel component="legend">{translate('keydesk.client_users.new_owner', { name })}</FormLabel>
            <RadioGroup value={newOwnerId} onChange={(event) => setNewOwnerId(event.target.value)}>
              {otherUsers.map((other) => (
                <FormControlLabel
                  key={other.id}
                  value={String(other.id)}
                  control={<Radio />}
                  label={`${fullName(other)} (${other.username}, ${other.email})`}
                />
              ))}
            </RadioGroup>
          </FormControl>
        )}
        {user.owner && otherUsers.length === 0 && (
          <DialogContentText sx={{ mt: 2 }}>{translate('keydesk.client_users.remove_last_user')}</DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
        <Button
          label="keydesk.client_users.remove_confirm"
          color="error"
          variant="contained"
          onClick={confirm}
          disabled={isPending || (mustPickOwner && newOwnerId === '')}
        />
      </DialogActions>
    </Dialog>
  );
};
