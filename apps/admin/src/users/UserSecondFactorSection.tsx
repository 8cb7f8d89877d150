import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Permission, type UserResponse, type UserTwoFactorResponse } from '@keydesk/domain';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { RemoveSecondFactorDialog } from './RemoveSecondFactorDialog';
import { Fact } from './UserFact';

const PREFIX = 'keydesk.users.second_factor';

interface FactorRow {
  key: string;
  label: string;
  addedAt: string;
  lastUsedAt: string | null;
}

/** The app and each passkey, one row each, with when it was added and last used. */
const FactorsTable = ({ twoFactor }: { twoFactor: UserTwoFactorResponse }) => {
  const translate = useTranslate();
  const rows: FactorRow[] = [
    ...(twoFactor.totp
      ? [
          {
            key: 'totp',
            label: translate(`${PREFIX}.app`),
            addedAt: twoFactor.totp.enabledAt,
            lastUsedAt: twoFactor.totp.lastUsedAt,
          },
        ]
      : []),
    ...twoFactor.passkeys.map((passkey) => ({
      key: `passkey-${passkey.id}`,
      label: translate(`${PREFIX}.passkey`, { name: passkey.name }),
      addedAt: passkey.createdAt,
      lastUsedAt: passkey.lastUsedAt,
    })),
  ];
  return (
    <TableContainer>
      <Table size="small" aria-label={translate(`${PREFIX}.factors`)}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${PREFIX}.factor`)}</TableCell>
            <TableCell>{translate(`${PREFIX}.added`)}</TableCell>
            <TableCell>{translate(`${PREFIX}.last_used`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              <TableCell>
                <RelativeDate value={row.addedAt} emptyText="keydesk.users.never" />
              </TableCell>
              <TableCell>
                <RelativeDate value={row.lastUsedAt} emptyText={`${PREFIX}.never_used`} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** Whether a client of the user's requires a factor, and what that means for one who has none. */
const RequirementFact = ({ twoFactor }: { twoFactor: UserTwoFactorResponse }) => {
  const translate = useTranslate();
  const missing = twoFactor.requiredByClient && twoFactor.methods.length === 0;
  return (
    <Fact label={`${PREFIX}.required`}>
      <Typography variant="body2" component="span">
        {translate(twoFactor.requiredByClient ? `${PREFIX}.required_yes` : `${PREFIX}.required_no`)}
      </Typography>
      {missing && (
        <Typography variant="body2" component="span" color="warning.dark">
          {translate(`${PREFIX}.required_missing`)}
        </Typography>
      )}
    </Fact>
  );
};

/**
 * How the customer proves themselves after the password in the client area: their authenticator
 * app and passkeys with their last use, the recovery codes left, whether a client requires a
 * factor; and, for a customer who lost them all, "Remove second factor" (a verified caller and a
 * supervisor's approval).
 */
export const UserSecondFactorSection = () => {
  const user = useRecordContext<UserResponse>();
  const translate = useTranslate();
  const canManage = useHasPermission(Permission.UsersManage);
  const [open, setOpen] = useState(false);
  if (!user?.twoFactor) return null;
  const { twoFactor } = user;
  const hasFactor = twoFactor.methods.length > 0;
  return (
    <Section title={`${PREFIX}.title`}>
      {hasFactor ? (
        <FactorsTable twoFactor={twoFactor} />
      ) : (
        <Typography variant="body2">{translate(`${PREFIX}.none`)}</Typography>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 2, md: 6 }} sx={{ mt: 2 }}>
        {hasFactor && (
          <Fact label={`${PREFIX}.recovery_codes`}>
            <Typography variant="body2" component="span">
              {translate(`${PREFIX}.recovery_codes_left`, { smart_count: twoFactor.recoveryCodesLeft })}
            </Typography>
          </Fact>
        )}
        <RequirementFact twoFactor={twoFactor} />
      </Stack>
      {canManage && hasFactor && (
        <Button
          label={`${PREFIX}.remove`}
          onClick={() => setOpen(true)}
          aria-haspopup="dialog"
          variant="outlined"
          color="warning"
          sx={{ mt: 2 }}
        >
          <PhonelinkEraseIcon />
        </Button>
      )}
      {open && <RemoveSecondFactorDialog user={user} onClose={() => setOpen(false)} />}
    </Section>
  );
};
