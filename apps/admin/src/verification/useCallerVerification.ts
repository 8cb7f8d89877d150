import type { ActiveVerification, CallerVerificationState } from '@keydesk/domain';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';

import type { KeydeskDataProvider } from '../providers/data-provider';

const STATE_KEY = 'caller-verification';
const ACTIVE_KEY = 'caller-verifications';

/** The signed-in agent's verification of one user (from a ticket's page, with that ticket). */
export function useCallerVerification(
  userId: number | undefined,
  ticketId?: number,
): UseQueryResult<CallerVerificationState> {
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  return useQuery({
    queryKey: [STATE_KEY, userId, ticketId ?? null],
    queryFn: () => dataProvider.getCallerVerification(userId!, ticketId),
    enabled: userId !== undefined,
  });
}

/**
 * The agent's verifications that still count, for a list's column: every row asks with the same
 * key, so a list costs one request however many users it shows.
 */
export function useActiveVerification(userId: number): ActiveVerification | undefined {
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { data } = useQuery({
    queryKey: [ACTIVE_KEY],
    queryFn: () => dataProvider.getActiveCallerVerifications(),
    staleTime: 30_000,
  });
  return data?.find((verification) => verification.userId === userId);
}

/** After a code is sent or confirmed: every chip and column asks again. */
export function useRefreshVerifications(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [STATE_KEY] }),
      queryClient.invalidateQueries({ queryKey: [ACTIVE_KEY] }),
    ]);
  }, [queryClient]);
}

// setTimeout's longest delay; a verification lasts minutes, so this only guards against a misconfiguration.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Whether `until` is still ahead; the component re-renders when it passes, so a chip never claims too long. */
export function useStillAhead(until: string | null | undefined): boolean {
  const untilMs = until ? new Date(until).getTime() : null;
  const [, setPassed] = useState(0);
  useEffect(() => {
    if (untilMs === null || untilMs <= Date.now()) return;
    const timer = setTimeout(() => setPassed((n) => n + 1), Math.min(untilMs - Date.now() + 500, LONGEST_TIMER_MS));
    return () => clearTimeout(timer);
  }, [untilMs]);
  return untilMs !== null && untilMs > Date.now();
}
