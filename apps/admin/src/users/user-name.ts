import type { UserResponse } from '@keydesk/domain';

/** "First Last" of a user, as the pages and dialogs about them say it; the email when they have no name. */
export function userName(user: Pick<UserResponse, 'firstName' | 'lastName' | 'email'>): string {
  return `${user.firstName} ${user.lastName}`.trim() || user.email;
}
