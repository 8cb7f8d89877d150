import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { UserSessionEntity } from './user-session.entity';

/** Every query on user_sessions. */
@Injectable()
export class UserSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(UserSessionEntity);
  }

  findByHash(idHash: string): Promise<UserSessionEntity | null> {
    return this.repo().findOneBy({ idHash });
  }

  async insert(manager: EntityManager, row: UserSessionEntity): Promise<void> {
    await this.repo(manager).insert(row);
  }

  /** Moves the idle limit; only while the row still exists (a parallel sign-out wins). */
  async touch(manager: EntityManager, idHash: string, lastSeenAt: number): Promise<void> {
    await this.repo(manager).update({ idHash }, { lastSeenAt });
  }

  async delete(manager: EntityManager, idHash: string): Promise<void> {
    await this.repo(manager).delete({ idHash });
  }

  /** Rows past their absolute limit, or idle since `idleBefore`. */
  async deleteExpired(manager: EntityManager, now: number, idleBefore: number): Promise<void> {
    await this.repo(manager)
      .createQueryBuilder()
      .delete()
      .where('expires_at <= :now OR last_seen_at <= :idleBefore', { now, idleBefore })
      .execute();
  }

  /** Counts a wrong second factor on a pending session; answers the count now, or null when it is gone. */
  async addFailedSecondFactor(manager: EntityManager, idHash: string): Promise<number | null> {
    await manager
      .getRepository(UserSessionEntity)
      .createQueryBuilder()
      .update()
      .set({ failedSecondFactors: () => 'failed_second_factors + 1' })
      .where('id_hash = :idHash', { idHash })
      .execute();
    return (await manager.getRepository(UserSessionEntity).findOneBy({ idHash }))?.failedSecondFactors ?? null;
  }

  /** The enrolment a client required is done: the session serves every page now. */
  async clearEnrolment(manager: EntityManager, idHash: string): Promise<void> {
    await manager.getRepository(UserSessionEntity).update({ idHash }, { enrolmentRequired: false });
  }

  async setChallenge(manager: EntityManager, idHash: string, challenge: string): Promise<void> {
    await manager.getRepository(UserSessionEntity).update({ idHash }, { webauthnChallenge: challenge });
  }

  /** The session's pending passkey challenge, cleared as it is read: a challenge answers once. */
  async takeChallenge(manager: EntityManager, idHash: string): Promise<string | null> {
    const row = await manager.getRepository(UserSessionEntity).findOneBy({ idHash });
    if (!row?.webauthnChallenge) return null;
    const taken = await manager
      .getRepository(UserSessionEntity)
      .update({ idHash, webauthnChallenge: row.webauthnChallenge }, { webauthnChallenge: null });
    return (taken.affected ?? 0) > 0 ? row.webauthnChallenge : null;
  }
}
