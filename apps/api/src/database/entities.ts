import { WebhookDeliveryEntity } from '../modules/webhooks/webhook-delivery.entity';
import { WebhookEntity } from '../modules/webhooks/webhook.entity';
import { ApiTokenEntity } from '../modules/api-tokens/api-token.entity';
import { ApprovalEntity } from '../modules/approvals/approval.entity';
import { SettingEntity } from '../modules/assurance/setting.entity';
import { CallerVerificationEntity } from '../modules/caller-verification/caller-verification.entity';
import { AuditChainHeadEntity } from '../modules/audit/audit-chain-head.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { StaffSessionEntity } from '../modules/auth/staff-session.entity';
import { SignInThrottleEntity } from '../modules/auth/sign-in-throttle.entity';
import { StaffKnownIpEntity } from '../modules/auth/staff-known-ip.entity';
import { ClientSearchTermEntity } from '../modules/clients/client-search-term.entity';
import { ClientEntity } from '../modules/clients/client.entity';
import { CredentialReportEntity } from '../modules/credentials/credential-report.entity';
import { ContactEntity } from '../modules/contacts/contact.entity';
import { PasskeyChallengeEntity } from '../modules/customer-two-factor/passkey-challenge.entity';
import { UserPasskeyEntity } from '../modules/customer-two-factor/user-passkey.entity';
import { UserRecoveryCodeEntity } from '../modules/customer-two-factor/user-recovery-code.entity';
import { UserTotpEntity } from '../modules/customer-two-factor/user-totp.entity';
import { DevMailboxMessageEntity } from '../modules/emails/dev-mailbox-message.entity';
import { MailOutboxEntity } from '../modules/emails/mail-outbox.entity';
import { NoteEntity } from '../modules/notes/note.entity';
import { PasswordResetTokenEntity } from '../modules/password-resets/password-reset-token.entity';
import { RateLimitEntity } from '../modules/rate-limits/rate-limit.entity';
import { RescueCodeEntity } from '../modules/rescue-codes/rescue-code.entity';
import { PasswordRevealEntity } from '../modules/user-passwords/password-reveal.entity';
import { TicketMessageEntity } from '../modules/tickets/ticket-message.entity';
import { TicketEntity } from '../modules/tickets/ticket.entity';
import { ClientUserEntity } from '../modules/users/client-user.entity';
import { UserSignInEntity } from '../modules/users/user-sign-in.entity';
import { UserEntity } from '../modules/users/user.entity';
import { UserSessionEntity } from '../modules/user-sessions/user-session.entity';
import { RolePermissionEntity } from '../modules/roles/role-permission.entity';
import { RoleEntity } from '../modules/roles/role.entity';
import { StaffEntity } from '../modules/staff/staff.entity';
import { StaffPasskeyEntity } from '../modules/two-factor/staff-passkey.entity';
import { StaffRecoveryCodeEntity } from '../modules/two-factor/staff-recovery-code.entity';
import { StaffTotpEntity } from '../modules/two-factor/staff-totp.entity';

/** Listed as classes, not globs: globs make TypeORM require() .ts files under vitest. */
export const ENTITIES = [
  RoleEntity,
  RolePermissionEntity,
  StaffEntity,
  StaffKnownIpEntity,
  StaffSessionEntity,
  SignInThrottleEntity,
  AuditEntryEntity,
  AuditChainHeadEntity,
  ClientEntity,
  ClientSearchTermEntity,
  ContactEntity,
  UserEntity,
  ClientUserEntity,
  UserSignInEntity,
  UserSessionEntity,
  TicketEntity,
  TicketMessageEntity,
  NoteEntity,
  MailOutboxEntity,
  DevMailboxMessageEntity,
  PasswordResetTokenEntity,
  PasswordRevealEntity,
  RescueCodeEntity,
  CredentialReportEntity,
  StaffTotpEntity,
  StaffRecoveryCodeEntity,
  StaffPasskeyEntity,
  RateLimitEntity,
  CallerVerificationEntity,
  ApprovalEntity,
  SettingEntity,
  UserTotpEntity,
  UserRecoveryCodeEntity,
  UserPasskeyEntity,
  PasskeyChallengeEntity,
  ApiTokenEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
];
