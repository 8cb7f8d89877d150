import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';

import { CALLER_CODE } from '@keydesk/domain';

import { CallerVerificationEntity } from './caller-verification.entity';

/** Caller verifications: every change is one conditional UPDATE, so two requests at once cannot both win. */
@Injectable()
export class CallerVerificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(CallerVerificationEntity);
  }

  findById(id: number): Promise<CallerVerificationEntity | null> {
    return this.repo().findOneBy({ id });
  }

  async insert(manager: EntityManager, row: Omit<CallerVerificationEntity, 'id'>): Promise<CallerVerificationEntity> {
    const entity = Object.assign(new CallerVerificationEntity(), row);
    await this.repo(manager).insert(entity);
    return entity;
  }

  /** The agent's latest confirmed verification of the user that still counts. */
  active(staffId: number, userId: number, nowMs: number): Promise<CallerVerificationEntity | null> {
    return this.repo().findOne({
      where: { staffId, userId, verifiedUntil: MoreThan(nowMs) },
      order: { id: 'DESC' },
    });
  }

  /** Every verification of the agent's that still counts, one per user (the latest). */
  async activeOf(staffId: number, nowMs: number): Promise<CallerVerificationEntity[]> {
    const rows = await this.repo().find({ where: { staffId, verifiedUntil: MoreThan(nowMs) }, order: { id: 'DESC' } });
    return rows.filter((row, i) => rows.findIndex((other) => other.userId === row.userId) === i);
  }

  /** A code the agent sent the user that may still be confirmed. */
  pending(staffId: number, userId: number, nowMs: number): Promise<CallerVerificationEntity | null> {
    return this.repo().findOne({
      where: {
        staffId,
        userId,
        confirmedAt: IsNull(),
        expiresAt: MoreThan(nowMs),
        tries: LessThan(CALLER_CODE.tries),
      },
      order: { id: 'DESC' },
    });
  }

  /** A new code replaces the agent's earlier ones for the user: they stop working. */
  async voidPending(manager: EntityManager, staffId: number, userId: number, nowMs: number): Promise<void> {
    await this.repo(manager).update(
      { staffId, userId, confirmedAt: IsNull(), expiresAt: MoreThan(nowMs) },
      { expiresAt: nowMs },
    );
  }

  /** True when the code was still open (unconfirmed, in time, with tries left) and is now confirmed. */
  async confirm(manager: EntityManager, id: number, nowMs: number, verifiedUntil: number): Promise<boolean> {
    const result = await this.repo(manager).update(
      { id, confirmedAt: IsNull(), expiresAt: MoreThan(nowMs), tries: LessThan(CALLER_CODE.tries) },
      { confirmedAt: nowMs, verifiedUntil },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Counts a wrong code on an open verification; answers the tries now used, or null if it was no longer open. */
  async addTry(manager: EntityManager, id: number, nowMs: number): Promise<number | null> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ tries: () => 'tries + 1' })
      .where('id = :id AND confirmed_at IS NULL AND expires_at > :nowMs AND tries < :max', {
        id,
        nowMs,
        max: CALLER_CODE.tries,
      })
      .execute();
    if ((result.affected ?? 0) === 0) return null;
    const row = await this.repo(manager).findOneBy({ id });
    return row?.tries ?? null;
  }
}
