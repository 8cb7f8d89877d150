import type { UserResponse } from '@keydesk/domain';
import { useWatch } from 'react-hook-form';

import { AssurancePrompt } from '../approvals/AssurancePrompt';
import type { AssuranceGate } from '../approvals/useAssuranceGate';
import { userName } from './user-name';

/**
 * The assurance prompt of a dialog about this user; the ticket chosen in the form, when it names
 * one, goes with a request for approval.
 */
export const UserAssurancePrompt = ({ gate, user }: { gate: AssuranceGate; user: UserResponse }) => {
  const ticketId: unknown = useWatch({ name: 'ticketId' });
  return (
    <AssurancePrompt
      gate={gate}
      subject={{ userId: user.id, name: userName(user) }}
      ticketId={typeof ticketId === 'number' && ticketId > 0 ? ticketId : undefined}
    />
  );
};
