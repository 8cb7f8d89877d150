import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Alert, AlertTitle, Button, Typography } from '@mui/material';
import { Permission, type UserResponse } from '@keydesk/domain';
import { useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { exactDateTime } from '../common/RelativeDateField';
import { useHasPermission } from '../common/useHasPermission';
import { UserUnlockDialog } from './UserUnlockDialog';

const PREFIX = 'keydesk.users.lock';

/**
 * Above everything on Manage user while the customer's "This wasn't me" holds: the agent must know
 * before anything else why this person cannot sign in, and that the way back is an unlock after
 * checking with them, not a new password.
 */
export const UserLockAlert = () => {
  const user = useRecordContext<UserResponse>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const canManage = useHasPermission(Permission.UsersManage);
  const [unlocking, setUnlocking] = useState(false);
  if (!user?.lockedAt) return null;
  const unlockButton = canManage && (
    <Button
      color="inherit"
      variant="outlined"
      startIcon={<LockOpenIcon />}
      onClick={() => setUnlocking(true)}
      aria-haspopup="dialog"
    >
      {translate(`${PREFIX}.unlock`)}
    </Button>
  );
  return (
    <>
      <Alert severity="error" action={unlockButton} sx={{ m: 2, mb: 0 }}>
        <AlertTitle>{translate(`${PREFIX}.title`)}</AlertTitle>
        <Typography variant="body2">
          {translate(`${PREFIX}.body`, { when: exactDateTime(new Date(user.lockedAt), locale) })}
        </Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate(`${PREFIX}.next`)}
        </Typography>
      </Alert>
      {unlocking && <UserUnlockDialog user={user} onClose={() => setUnlocking(false)} />}
    </>
  );
};
