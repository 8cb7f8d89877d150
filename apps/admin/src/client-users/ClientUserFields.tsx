import { Chip, Stack, Typography } from '@mui/material';
import type { ClientUserResponse, CustomerFactor } from '@keydesk/domain';
import { useRecordContext, useTranslate } from 'react-admin';

import { UserLockChip } from '../users/UserFields';

/** "First Last", the way the Users tab and its dialogs name a user. */
export function fullName(user: Pick<ClientUserResponse, 'firstName' | 'lastName'>): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

/** The fields take `label` only so that the table's header can read it; they render none. */
interface ClientUserFieldProps {
  label?: string;
}

/**
 * The name on one line and the email under it, as in WHMCS: agents find the caller by either.
 * A disabled or locked user says so here, because that is often why they cannot sign in.
 */
export const NameEmailField = (_props: ClientUserFieldProps) => {
  const record = useRecordContext<ClientUserResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={0.25}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {fullName(record)}
        </Typography>
        {record.status === 'disabled' && <Chip size="small" label={translate('keydesk.users.status.disabled')} />}
        <UserLockChip />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {record.email}
      </Typography>
    </Stack>
  );
};

/** The owner of the client's account gets a badge; every other user, nothing. */
export const OwnerField = (_props: ClientUserFieldProps) => {
  const record = useRecordContext<ClientUserResponse>();
  const translate = useTranslate();
  if (!record?.owner) return null;
  return <Chip size="small" color="primary" label={translate('keydesk.client_users.owner_badge')} />;
};

/** A user's second factors in few words ("App", "Passkey"), or "None": for the Users tab and Manage user. */
export const FactorChips = ({ methods }: { methods: readonly CustomerFactor[] }) => {
  const translate = useTranslate();
  if (methods.length === 0) {
    return (
      <Typography variant="body2" component="span" color="text.secondary">
        {translate('keydesk.customer_factors.none')}
      </Typography>
    );
  }
  return (
    <Stack component="ul" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', p: 0, m: 0 }}>
      {methods.map((method) => (
        <Chip
          component="li"
          key={method}
          size="small"
          variant="outlined"
          label={translate(`keydesk.customer_factors.${method}`)}
        />
      ))}
    </Stack>
  );
};

/** The factors the user signs in with, as the Users tab's list reports them. */
export const TwoFactorMethodsField = (_props: ClientUserFieldProps) => {
  const record = useRecordContext<ClientUserResponse>();
  if (!record) return null;
  return <FactorChips methods={record.twoFactorMethods ?? []} />;
};
