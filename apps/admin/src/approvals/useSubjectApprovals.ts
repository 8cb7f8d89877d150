import { ApprovalState, type ApprovalResponse, type AssuredAction } from '@keydesk/domain';
import { useGetList } from 'react-admin';

/** Whom an action is about: one of the customer's users, or a staff member (staff.* actions). */
export type AssuranceSubject = ({ userId: number; staffId?: undefined } | { staffId: number; userId?: undefined }) & {
  name: string;
};

// While a dialog waits on a supervisor, often enough to offer the approval soon after it is given.
const REFRESH_MS = 20_000;
const NEWEST = { field: 'requestedAt', order: 'DESC' } as const;

const isAbout = (subject: AssuranceSubject) => (approval: ApprovalResponse) =>
  subject.userId !== undefined ? approval.userId === subject.userId : approval.staffId === subject.staffId;

/**
 * The agent's own requests for this action on this subject: one approved and still usable ("Use
 * approval #N"), and one still waiting for a decision (so nobody asks twice).
 */
export function useSubjectApprovals(subject: AssuranceSubject, action: AssuredAction | undefined) {
  const filter = {
    mine: true,
    action,
    ...(subject.userId !== undefined ? { userId: subject.userId } : { staffId: subject.staffId }),
  };
  const options = { enabled: action !== undefined, refetchInterval: REFRESH_MS };
  const page = { page: 1, perPage: 10 };
  const approved = useGetList<ApprovalResponse>(
    'approvals',
    { filter: { ...filter, state: ApprovalState.Approved }, pagination: page, sort: NEWEST },
    options,
  );
  const pending = useGetList<ApprovalResponse>(
    'approvals',
    { filter: { ...filter, state: ApprovalState.Pending }, pagination: page, sort: NEWEST },
    options,
  );
  const now = Date.now();
  return {
    usable: approved.data?.find(
      (approval) => isAbout(subject)(approval) && !approval.usedAt && new Date(approval.expiresAt).getTime() > now,
    ),
    waiting: pending.data?.find(isAbout(subject)),
  };
}
