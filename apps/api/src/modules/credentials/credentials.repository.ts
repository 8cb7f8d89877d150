import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';

import { CredentialWay, Locale, RescueVoidReason, UserLockReason } from '@keydesk/domain';

import { StaffSessionEntity } from '../auth/staff-session.entity';
import { ClientEntity } from '../clients/client.entity';
import { ContactEntity } from '../contacts/contact.entity';
import { UserPasskeyEntity } from '../customer-two-factor/user-passkey.entity';
import { UserRecoveryCodeEntity } from '../customer-two-factor/user-recovery-code.entity';
import { UserTotpEntity } from '../customer-two-factor/user-totp.entity';
import { PasswordResetTokenEntity } from '../password-resets/password-reset-token.entity';
import { RescueCodeEntity } from '../rescue-codes/rescue-code.entity';
import { StaffEntity } from '../staff/staff.entity';
import { PasswordRevealEntity } from '../user-passwords/password-reveal.entity';
import { UserSessionEntity } from '../user-sessions/user-session.entity';
import { ClientUserEntity } from '../users/client-user.entity';
import { UserEntity } from '../users/user.entity';
import { CredentialReportEntity } from './credential-report.entity';

/**
 * The only code that writes a password hash, a user's email or lock, and voids what a credential
 * change voids (reset links, view-once links, rescue codes, sessions). Those tables belong to
 * their modules for everything else; these writes are here so that no way of changing a
 * credential can forget one of its consequences (a test checks nobody else makes them).
 */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `temporaryUntil`: an agent's or a rescue code's password, to be replaced at the next sign-in. */
  async setUserPassword(
    manager: EntityManager,
    userId: number,
    passwordHash: string,
    now: Date,
    temporaryUntil: Date | null,
  ): Promise<void> {
    await manager.getRepository(UserEntity).update(
      { id: userId },
      {
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: temporaryUntil !== null,
        passwordExpiresAt: temporaryUntil,
      },
    );
  }

  async setUserEmail(
    manager: EntityManager,
    userId: number,
    email: string,
    now: Date,
    by: CredentialWay,
  ): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { email, emailChangedAt: now, emailChangedBy: by });
  }

  /** Ends the wait on an address staff set: reset links and temporary passwords may go to it now. */
  async liftEmailHold(manager: EntityManager, userId: number, now: Date): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { emailHoldLiftedAt: now });
  }

  /** The same password under stronger hashing parameters, at sign-in: nothing else changes. */
  async rehashUser(manager: EntityManager, userId: number, passwordHash: string): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }

  async rehashStaff(manager: EntityManager, staffId: number, passwordHash: string): Promise<void> {
    await manager.getRepository(StaffEntity).update({ id: staffId }, { passwordHash });
  }

  async setStaffPassword(manager: EntityManager, staffId: number, passwordHash: string, now: Date): Promise<void> {
    await manager.getRepository(StaffEntity).update({ id: staffId }, { passwordHash, passwordChangedAt: now });
  }

  async lockUser(manager: EntityManager, userId: number, now: Date, reason: UserLockReason): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { lockedAt: now, lockReason: reason });
  }

  /** True when the user was locked (and no longer is): of two unlocks at once, one wins. */
  async unlockUser(manager: EntityManager, userId: number): Promise<boolean> {
    const result = await manager
      .getRepository(UserEntity)
      .update({ id: userId, lockedAt: Not(IsNull()) }, { lockedAt: null, lockReason: null });
    return (result.affected ?? 0) > 0;
  }

  /** Reset links, view-once links (their sealed password wiped) but `keepRevealId`, and rescue codes that still work. */
  async voidUserLinks(
    manager: EntityManager,
    userId: number,
    now: Date,
    rescueReason: RescueVoidReason,
    keepRevealId?: number,
  ): Promise<void> {
    const live = { usedAt: IsNull(), voidedAt: IsNull(), expiresAt: MoreThan(now.getTime()) };
    await manager.getRepository(PasswordResetTokenEntity).update({ userId, ...live }, { voidedAt: now });
    await manager.getRepository(PasswordRevealEntity).update(
      {
        userId,
        revealedAt: IsNull(),
        voidedAt: IsNull(),
        expiresAt: MoreThan(now.getTime()),
        ...(keepRevealId ? { id: Not(keepRevealId) } : {}),
      },
      { voidedAt: now, sealedPassword: null },
    );
    await manager
      .getRepository(RescueCodeEntity)
      .update({ userId, ...live }, { voidedAt: now, voidReason: rescueReason });
  }

  /** Every client-area session of the user, on every api process, but `keepIdHash`'s. */
  async endUserSessions(manager: EntityManager, userId: number, keepIdHash?: string): Promise<number> {
    const result = await manager
      .getRepository(UserSessionEntity)
      .delete(keepIdHash ? { userId, idHash: Not(keepIdHash) } : { userId });
    return result.affected ?? 0;
  }

  /**
   * Where a change of a user's factors is told besides their own address: the primary email of
   * each of their clients (or of `clientId` alone) and its contacts that receive security mail.
   */
  async securityAddressesOf(
    manager: EntityManager,
    userId: number,
    clientId: number | null,
  ): Promise<Array<{ email: string; displayName: string }>> {
    const clients = await manager
      .getRepository(ClientEntity)
      .createQueryBuilder('c')
      .innerJoin(ClientUserEntity, 'm', 'm.client_id = c.id AND m.user_id = :userId', { userId })
      .where(clientId === null ? '1 = 1' : 'c.id = :clientId', { clientId })
      .orderBy('c.id', 'ASC')
      .getMany();
    if (clients.length === 0) return [];
    const contacts = await manager.getRepository(ContactEntity).find({
      where: { clientId: In(clients.map((c) => c.id)), receivesSecurityEmails: true },
      order: { id: 'ASC' },
    });
    return [...clients, ...contacts].map((who) => ({
      email: who.email,
      displayName: `${who.firstName} ${who.lastName}`.trim(),
    }));
  }

  /** Every second factor of a customer, gone (staff removed them for a verified caller, with an approval). */
  async deleteUserFactors(manager: EntityManager, userId: number): Promise<void> {
    await manager.getRepository(UserTotpEntity).delete({ userId });
    await manager.getRepository(UserPasskeyEntity).delete({ userId });
    await manager.getRepository(UserRecoveryCodeEntity).delete({ userId });
  }

  async endStaffSessions(manager: EntityManager, staffId: number, keepIdHash?: string): Promise<number> {
    const result = await manager
      .getRepository(StaffSessionEntity)
      .delete(keepIdHash ? { staffId, idHash: Not(keepIdHash) } : { staffId });
    return result.affected ?? 0;
  }

  findUser(id: number, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id });
  }

  async languageOfClient(clientId: number | null): Promise<Locale | null> {
    if (clientId === null) return null;
    return (
      (
        await this.dataSource
          .getRepository(ClientEntity)
          .findOne({ where: { id: clientId }, select: { id: true, language: true } })
      )?.language ?? null
    );
  }

  insertReport(manager: EntityManager, report: Omit<CredentialReportEntity, 'id'>): Promise<CredentialReportEntity> {
    return manager.getRepository(CredentialReportEntity).save(Object.assign(new CredentialReportEntity(), report));
  }

  findReportByHash(tokenHash: string): Promise<CredentialReportEntity | null> {
    return this.dataSource.getRepository(CredentialReportEntity).findOneBy({ tokenHash });
  }

  /** Uses the link if it still works: of two presses exactly one changes the row. */
  async consumeReport(manager: EntityManager, id: number, now: Date): Promise<boolean> {
    const result = await manager
      .getRepository(CredentialReportEntity)
      .update({ id, usedAt: IsNull(), expiresAt: MoreThan(now.getTime()) }, { usedAt: now });
    return (result.affected ?? 0) > 0;
  }

  /** Another report link of the same user, used by the lock it caused: the rest have nothing left to do. */
  async closeReportsOf(manager: EntityManager, userId: number, now: Date): Promise<void> {
    await manager.getRepository(CredentialReportEntity).update({ userId, usedAt: IsNull() }, { usedAt: now });
  }
}
