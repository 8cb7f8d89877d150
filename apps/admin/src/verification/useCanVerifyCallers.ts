import { Permission } from '@keydesk/domain';

import { useHasPermission } from '../common/useHasPermission';

/**
 * Verifying a caller is for whoever manages the customer's users (the api asks users.manage): the
 * actions it opens (a password, an email, a reset link) are theirs.
 */
export function useCanVerifyCallers(): boolean {
  return useHasPermission(Permission.UsersManage);
}
