import { ALL_ASSURED_ACTIONS, AssuredAction, ErrorCode, type ApiErrorBody } from '@keydesk/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { HttpError, useTranslate } from 'react-admin';

/** Why the api refused: the caller is not verified, or the action needs a second person. */
export interface AssuranceRefusal {
  code: typeof ErrorCode.CallerNotVerified | typeof ErrorCode.ApprovalRequired;
  /** The api's words, in the UI's language. */
  message: string;
  action: AssuredAction;
}

/**
 * What a dialog holds while the api refuses an action for want of a verified caller or an
 * approval: the refusal (the dialog keeps its input and shows AssurancePrompt), and the approval
 * chosen with "Use approval #N", which the next submit sends.
 */
export interface AssuranceGate {
  refusal: AssuranceRefusal | null;
  /** True when the error was such a refusal (the caller then returns nothing to the form). */
  refuse: (error: unknown) => boolean;
  /** The approval to send with this submit, if one was chosen; read once. */
  takeApprovalId: () => number | undefined;
  chooseApproval: (id: number) => void;
  /** Nothing to show any more (the dialog closes): the prompt goes. */
  clear: () => void;
  /**
   * The caller was verified from the prompt: the agent presses the dialog's button again, except
   * for an action that takes an approval besides, where the prompt stays to ask for or use one.
   */
  verified: () => void;
  /** The action went through: an approval it used is spent, and lists showing it ask again. */
  succeeded: () => void;
}

const REFUSALS = new Set<string>([ErrorCode.CallerNotVerified, ErrorCode.ApprovalRequired]);

/** Actions the api allows only with both a caller the agent verified and an approval, whatever the policy. */
export const CALLER_AND_APPROVAL: readonly AssuredAction[] = [AssuredAction.SecondFactorRemoval];

function isAssuredAction(value: unknown): value is AssuredAction {
  return (ALL_ASSURED_ACTIONS as readonly unknown[]).includes(value);
}

/** One per dialog whose action may need a verified caller or an approval. */
export function useAssuranceGate(): AssuranceGate {
  const queryClient = useQueryClient();
  const translate = useTranslate();
  const [refusal, setRefusal] = useState<AssuranceRefusal | null>(null);
  // Read by the submit that the "Use approval" button starts, in the same tick: a ref, not state.
  const chosen = useRef<number | undefined>(undefined);
  const current = useRef<AssuranceRefusal | null>(null);

  const show = useCallback((next: AssuranceRefusal | null) => {
    current.current = next;
    setRefusal(next);
  }, []);

  const refuse = useCallback(
    (error: unknown) => {
      chosen.current = undefined;
      if (!(error instanceof HttpError)) return false;
      const body = error.body as Partial<ApiErrorBody> | undefined;
      if (body?.code && REFUSALS.has(body.code) && isAssuredAction(body.action)) {
        show({ code: body.code as AssuranceRefusal['code'], message: error.message, action: body.action });
        // A request approved since the prompt last looked is offered now, not at the next poll.
        void queryClient.invalidateQueries({ queryKey: ['approvals'] });
        return true;
      }
      // The approval expired or was used meanwhile: say so where the choice was made, and look again.
      if (body?.code === ErrorCode.ApprovalNotUsable && current.current) {
        show({ ...current.current, message: error.message });
        void queryClient.invalidateQueries({ queryKey: ['approvals'] });
        return true;
      }
      return false;
    },
    [queryClient, show],
  );

  return useMemo(
    () => ({
      refusal,
      refuse,
      takeApprovalId: () => {
        const id = chosen.current;
        chosen.current = undefined;
        return id;
      },
      chooseApproval: (id: number) => {
        chosen.current = id;
      },
      clear: () => show(null),
      verified: () => {
        const action = current.current?.action;
        if (!action || !CALLER_AND_APPROVAL.includes(action)) return show(null);
        show({
          code: ErrorCode.ApprovalRequired,
          message: translate('keydesk.approvals.prompt.verified_approval_next'),
          action,
        });
      },
      succeeded: () => {
        show(null);
        void queryClient.invalidateQueries({ queryKey: ['approvals'] });
      },
    }),
    [queryClient, refusal, refuse, show, translate],
  );
}
