import LockIcon from '@mui/icons-material/Lock';
import { Chip, Stack } from '@mui/material';
import type { UserMembershipResponse, UserSignInResponse } from '@keydesk/domain';
import { useRecordContext, useTranslate } from 'react-admin';

import { ChoiceChip } from '../common/ChoiceChip';
import { CLIENT_USER_PERMISSION_CHOICES } from '../i18n/choices';

/** The fields take `label` only so that layouts and tables can read it; they render none. */
interface UserFieldProps {
  label?: string;
}

const STATUS_COLORS = { active: 'success' } as const;

/** Active or disabled: a disabled user cannot sign in to any of their clients. */
export const UserStatusField = (_props: UserFieldProps) => (
  <ChoiceChip source="status" prefix="keydesk.users.status" colors={STATUS_COLORS} />
);

/**
 * "Locked" beside the status of a user whose customer said a change was not theirs: nothing signs
 * in until staff unlock it, which is what the caller will be asking about.
 */
export const UserLockChip = (_props: UserFieldProps) => {
  const record = useRecordContext<{ lockedAt: string | null }>();
  const translate = useTranslate();
  if (!record?.lockedAt) return null;
  return <Chip size="small" color="error" icon={<LockIcon />} label={translate('keydesk.users.lock.badge')} />;
};

/** Whether a sign-in attempt worked; a run of failures is what a locked-out caller looks like. */
export const SignInResultField = (_props: UserFieldProps) => {
  const record = useRecordContext<UserSignInResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.succeeded ? 'success' : 'error'}
      label={translate(record.succeeded ? 'keydesk.users.sign_in_succeeded' : 'keydesk.users.sign_in_failed')}
    />
  );
};

/** What the user may do in one client's area, by name, in the catalogue's order. */
export const MembershipPermissionsField = (_props: UserFieldProps) => {
  const record = useRecordContext<UserMembershipResponse>();
  const translate = useTranslate();
  if (!record) return null;
  const granted = CLIENT_USER_PERMISSION_CHOICES.filter((choice) => record.permissions.includes(choice.id));
  return (
    <Stack component="ul" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', p: 0, m: 0 }}>
      {granted.map((choice) => (
        <Chip component="li" key={choice.id} size="small" variant="outlined" label={translate(choice.name)} />
      ))}
    </Stack>
  );
};
