import { Typography } from '@mui/material';
import type { RescueCodeResponse } from '@keydesk/domain';
import { useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';

/** When the code was used, what it did (a mailed or a chosen password) and from which address. */
export const RescueCodeUseCell = ({ code }: { code: RescueCodeResponse }) => {
  const translate = useTranslate();
  if (!code.usedAt) {
    return (
      <Typography variant="body2" component="span">
        {translate('keydesk.users.rescue.not_used')}
      </Typography>
    );
  }
  const details = [
    code.outcome && translate(`keydesk.users.rescue.outcomes.${code.outcome}`),
    code.redeemedIp && translate('keydesk.users.from_ip', { ip: code.redeemedIp }),
  ].filter(Boolean);
  return (
    <Typography variant="body2" component="span">
      <RelativeDate value={code.usedAt} emptyText="keydesk.users.never" />
      {details.length > 0 && ` · ${details.join(' · ')}`}
    </Typography>
  );
};
