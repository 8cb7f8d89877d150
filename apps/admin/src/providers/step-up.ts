import type { HttpError } from 'react-admin';

/**
 * A sensitive call the api refused with 401 STEP_UP_REQUIRED waits here while the step-up dialog
 * asks for a factor. Calls refused meanwhile wait for the same proof: one dialog, however many.
 */
interface PendingStepUp {
  /** The api's refusal, in the UI's language: what the waiting calls fail with if the dialog is cancelled. */
  refusal: HttpError;
  promise: Promise<void>;
  proved: () => void;
  cancelled: () => void;
}

let pending: PendingStepUp | null = null;
const listeners = new Set<() => void>();

function settle(): void {
  pending = null;
  listeners.forEach((listener) => listener());
}

/** Resolves once a factor was proved (the caller then sends its request again); rejects with the refusal on cancel. */
export function awaitStepUp(refusal: HttpError): Promise<void> {
  if (pending) return pending.promise;
  let proved!: () => void;
  let cancelled!: () => void;
  const promise = new Promise<void>((resolve, reject) => {
    proved = () => {
      settle();
      resolve();
    };
    cancelled = () => {
      settle();
      reject(refusal);
    };
  });
  pending = { refusal, promise, proved, cancelled };
  listeners.forEach((listener) => listener());
  return promise;
}

export function pendingStepUp(): PendingStepUp | null {
  return pending;
}

export function onStepUp(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
