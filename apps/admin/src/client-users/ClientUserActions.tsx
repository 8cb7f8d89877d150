import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Button, Stack } from '@mui/material';
import type { ClientUserResponse } from '@keydesk/domain';
import { useState } from 'react';
import { LinkBase, useListContext, useRecordContext, useTranslate } from 'react-admin';

import { fullName } from './ClientUserFields';
import { RemoveUserDialog } from './RemoveUserDialog';

/**
 * A row's actions. Every row has the same two buttons, so each one's accessible name adds the
 * user's name after the visible text: a screen reader's list of links then tells them apart.
 */
export const ClientUserActions = ({ canManage }: { canManage: boolean; label?: string }) => {
  const user = useRecordContext<ClientUserResponse>();
  const { data: users = [] } = useListContext<ClientUserResponse>();
  const translate = useTranslate();
  const [removing, setRemoving] = useState(false);
  if (!user) return null;
  const name = fullName(user);

  return (
    <Stack direction="row" spacing={1}>
      <Button
        component={LinkBase}
        to={`/users/${user.id}/show`}
        size="small"
        startIcon={<ManageAccountsIcon />}
        aria-label={translate('keydesk.client_users.manage_named', { name })}
      >
        {translate('keydesk.client_users.manage')}
      </Button>
      {canManage && (
        <Button
          size="small"
          color="error"
          startIcon={<PersonRemoveIcon />}
          aria-label={translate('keydesk.client_users.remove_named', { name })}
          aria-haspopup="dialog"
          onClick={() => setRemoving(true)}
        >
          {translate('keydesk.client_users.remove')}
        </Button>
      )}
      {removing && (
        <RemoveUserDialog
          user={user}
          otherUsers={users.filter((other) => other.id !== user.id)}
          onClose={() => setRemoving(false)}
        />
      )}
    </Stack>
  );
};
