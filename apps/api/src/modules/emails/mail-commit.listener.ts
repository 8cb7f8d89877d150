import { Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

import { MAIL_QUEUED } from './mail-outbox';
import { MailWorker } from './mail-worker';

/**
 * Wakes the worker when a transaction that queued mail commits, so a reply's notification leaves
 * within moments instead of at the next tick. Only the outermost commit counts: mail queued in a
 * transaction is not there for other connections before it.
 */
@Injectable()
export class MailCommitListener implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly worker: MailWorker,
  ) {
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive || !event.queryRunner.data[MAIL_QUEUED]) return;
    delete event.queryRunner.data[MAIL_QUEUED];
    this.worker.nudge();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // SQLite's one query runner outlives the transaction: its flag must not reach the next one.
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data[MAIL_QUEUED];
  }
}
