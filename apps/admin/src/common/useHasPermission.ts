import { hasPermission, type Permission } from '@keydesk/domain';
import { usePermissions } from 'react-admin';

/**
 * Whether the signed-in staff member may do something, to hide what they may not: the api refuses
 * it anyway, and a button that only leads to a refusal wastes an agent's time.
 */
export function useHasPermission(permission: Permission): boolean {
  const { permissions } = usePermissions<Permission[]>();
  return hasPermission(permissions ?? [], permission);
}
