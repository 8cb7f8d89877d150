import { AuditChainHeadEntity } from '../modules/audit/audit-chain-head.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { SignInThrottleEntity } from '../modules/auth/sign-in-throttle.entity';
import { StaffKnownIpEntity } from '../modules/auth/staff-known-ip.entity';
import { RolePermissionEntity } from '../modules/roles/role-permission.entity';
import { RoleEntity } from '../modules/roles/role.entity';
import { StaffEntity } from '../modules/staff/staff.entity';

/** Listed as classes, not globs: globs make TypeORM require() .ts files under vitest. */
export const ENTITIES = [
  RoleEntity,
  RolePermissionEntity,
  StaffEntity,
  StaffKnownIpEntity,
  SessionEntity,
  SignInThrottleEntity,
  AuditEntryEntity,
  AuditChainHeadEntity,
];
