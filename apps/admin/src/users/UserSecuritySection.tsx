import KeyIcon from '@mui/icons-material/Key';
import LockClockIcon from '@mui/icons-material/LockClock';
import MailLockIcon from '@mui/icons-material/MarkEmailRead';
import { Stack, Typography } from '@mui/material';
import { Permission, type UserResponse } from '@keydesk/domain';
import { lazy, Suspense, useId, useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { YesNoField } from '../common/YesNoField';
import { LiftEmailHoldDialog } from './LiftEmailHoldDialog';
import { PasswordActionsWaitNotice, usePasswordActionsWait } from './PasswordActionsWait';
import { UserPasswordResetsTable } from './UserPasswordResetsTable';
import { Fact } from './UserFact';
import { UserResetEmailDialog } from './UserResetEmailDialog';

// Loaded on first use: it brings the password policy and its list of common passwords.
const UserChangePasswordDialog = lazy(() =>
  import('./UserChangePasswordDialog').then((module) => ({ default: module.UserChangePasswordDialog })),
);

/** "Temporary password, expires in 23 hours": one an agent set, which the customer must replace. */
const TemporaryPasswordNote = ({ expiresAt }: { expiresAt: string | null }) => {
  const translate = useTranslate();
  if (!expiresAt) return null;
  const expired = new Date(expiresAt).getTime() <= Date.now();
  return (
    <Typography variant="body2" component="span" color={expired ? 'error' : 'text.secondary'}>
      {translate(expired ? 'keydesk.users.temporary_password_expired' : 'keydesk.users.temporary_password')}{' '}
      <RelativeDate value={expiresAt} emptyText="keydesk.users.never" />
    </Typography>
  );
};

/**
 * The facts an agent checks before touching a password: when the user last got in and from
 * where, when the password last changed, and whether the next sign-in must set a new one; then
 * the password reset email (step 5 of the procedure) and the links already sent. Both ways wait,
 * and say why, while the customer's lock or a new address's hold lasts.
 */
export const UserSecuritySection = () => {
  const user = useRecordContext<UserResponse>();
  const translate = useTranslate();
  const canSendReset = useHasPermission(Permission.UsersSendResetEmail);
  const canSetPassword = useHasPermission(Permission.UsersSetPassword);
  const canManage = useHasPermission(Permission.UsersManage);
  const [dialog, setDialog] = useState<'reset' | 'password' | 'lift' | null>(null);
  const wait = usePasswordActionsWait(user);
  const waitId = useId();
  const closeDialog = () => setDialog(null);
  if (!user) return null;
  // While they wait the buttons stay in place, disabled and described by the reason.
  const waiting = { disabled: wait !== null, 'aria-describedby': wait ? waitId : undefined };
  // A caller verified on the new address (or an approval) need not wait out the hold.
  const liftButton = wait?.reason === 'email_hold' && canManage && (
    <Button
      label="keydesk.users.email_hold.lift"
      onClick={() => setDialog('lift')}
      aria-haspopup="dialog"
      color="inherit"
    >
      <LockClockIcon />
    </Button>
  );
  return (
    <Section title="keydesk.users.security">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 2, md: 6 }}>
        <Fact label="resources.users.fields.lastLoginAt">
          <Typography variant="body2" component="span">
            <RelativeDate value={user.lastLoginAt} emptyText="keydesk.users.never" />
            {user.lastLoginIp && ` · ${translate('keydesk.users.from_ip', { ip: user.lastLoginIp })}`}
          </Typography>
        </Fact>
        <Fact label="resources.users.fields.passwordChangedAt">
          <RelativeDate value={user.passwordChangedAt} emptyText="keydesk.users.never" />
        </Fact>
        <Fact label="resources.users.fields.mustChangePassword">
          <YesNoField source="mustChangePassword" />
          <TemporaryPasswordNote expiresAt={user.temporaryPasswordExpiresAt} />
        </Fact>
      </Stack>
      {(canSendReset || canSetPassword) && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
          {canSendReset && (
            <Button
              label="keydesk.users.reset.button"
              onClick={() => setDialog('reset')}
              aria-haspopup="dialog"
              variant="outlined"
              {...waiting}
            >
              <MailLockIcon />
            </Button>
          )}
          {canSetPassword && (
            <Button
              label="keydesk.users.change_password.button"
              onClick={() => setDialog('password')}
              aria-haspopup="dialog"
              variant="outlined"
              {...waiting}
            >
              <KeyIcon />
            </Button>
          )}
        </Stack>
      )}
      {wait && (canSendReset || canSetPassword) && (
        <PasswordActionsWaitNotice wait={wait} id={waitId} action={liftButton} />
      )}
      {dialog === 'reset' && <UserResetEmailDialog user={user} onClose={closeDialog} />}
      {dialog === 'lift' && <LiftEmailHoldDialog user={user} onClose={closeDialog} />}
      {dialog === 'password' && (
        <Suspense>
          <UserChangePasswordDialog user={user} onClose={closeDialog} />
        </Suspense>
      )}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('keydesk.users.reset.links')}
      </Typography>
      <UserPasswordResetsTable user={user} />
    </Section>
  );
};
