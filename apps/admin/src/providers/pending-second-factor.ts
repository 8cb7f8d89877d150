import type { SecondFactorChallenge } from '@keydesk/domain';

export type PendingSecondFactor = SecondFactorChallenge['secondFactor'];

/**
 * Half signed in: the password was right and the api waits for a second factor, or its enrolment.
 * The auth provider learns it (at sign-in, or from the session after a reload) and the login page,
 * subscribed, shows the step that follows.
 */
let pending: PendingSecondFactor | null = null;
const listeners = new Set<() => void>();

export function setPendingSecondFactor(next: PendingSecondFactor | null): void {
  if (next === pending) return;
  pending = next;
  listeners.forEach((listener) => listener());
}

export function pendingSecondFactor(): PendingSecondFactor | null {
  return pending;
}

export function onPendingSecondFactor(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
