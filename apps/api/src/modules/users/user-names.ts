import { UserEntity } from './user.entity';

/** How mail, pages and the audit trail name a user: "First Last". */
export function displayNameOf(user: Pick<UserEntity, 'firstName' | 'lastName'>): string {
  return `${user.firstName} ${user.lastName}`.trim();
}
