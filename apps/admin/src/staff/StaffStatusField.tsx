import LockClockIcon from '@mui/icons-material/LockClock';
import { Chip, Stack } from '@mui/material';
import type { StaffResponse } from '@keydesk/domain';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

/**
 * Active or disabled, and whether sign-in throttling has locked the account for now: the first
 * thing support checks when a colleague cannot sign in.
 */
export const StaffStatusField = () => {
  const record = useRecordContext<StaffResponse>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const lockedUntil = record.lockedUntil ? new Date(record.lockedUntil) : null;
  const locked = lockedUntil !== null && lockedUntil.getTime() > Date.now();

  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Chip
        size="small"
        color={record.status === 'active' ? 'success' : 'default'}
        label={translate(`keydesk.staff.status.${record.status}`)}
      />
      {locked && (
        <Chip
          size="small"
          variant="outlined"
          icon={<LockClockIcon />}
          label={translate('keydesk.staff.locked_until', {
            time: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(lockedUntil),
          })}
        />
      )}
    </Stack>
  );
};
