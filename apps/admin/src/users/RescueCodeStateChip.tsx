import { Chip } from '@mui/material';
import { RescueCodeState, type RescueCodeResponse } from '@keydesk/domain';
import { useTranslate } from 'react-admin';

const STATE_COLORS: Record<RescueCodeState, 'info' | 'success' | 'default' | 'warning'> = {
  sent: 'info',
  used: 'success',
  expired: 'default',
  voided: 'warning',
};

const PREFIX = 'keydesk.users.rescue';

/** What became of a code; a voided one says why, since "too many wrong tries" is worth a second look. */
export const RescueCodeStateChip = ({ code }: { code: RescueCodeResponse }) => {
  const translate = useTranslate();
  const label =
    code.state === RescueCodeState.Voided && code.voidReason
      ? translate(`${PREFIX}.void_reasons.${code.voidReason}`, { _: translate(`${PREFIX}.states.voided`) })
      : translate(`${PREFIX}.states.${code.state}`);
  return <Chip size="small" color={STATE_COLORS[code.state]} label={label} />;
};
