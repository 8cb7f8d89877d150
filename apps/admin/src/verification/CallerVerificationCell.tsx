import type { ClientUserResponse } from '@keydesk/domain';
import { useRecordContext } from 'react-admin';

import { CallerVerificationChip } from './CallerVerificationChip';
import { useActiveVerification } from './useCallerVerification';

/** The Users tab's column: whether the agent verified this caller; the rows share one request. */
export const CallerVerificationCell = (_props: { label?: string }) => {
  const user = useRecordContext<ClientUserResponse>();
  const verification = useActiveVerification(user?.id ?? -1);
  if (!user) return null;
  return <CallerVerificationChip verifiedUntil={verification?.verifiedUntil} method={verification?.method} compact />;
};
