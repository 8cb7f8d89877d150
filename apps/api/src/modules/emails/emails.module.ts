import { Module } from '@nestjs/common';

import { DevMailboxController } from './dev-mailbox.controller';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { EmailsController } from './emails.controller';
import { EmailsService } from './emails.service';
import { MailCommitListener } from './mail-commit.listener';
import { MailOutbox } from './mail-outbox';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailRenderer } from './mail-renderer';
import { MailSecrets } from './mail-secrets';
import { mailTransportProvider } from './mail-transport.provider';
import { MailWorker } from './mail-worker';

/**
 * The outbox and its worker, the Emails API and the development mailbox. Modules that send mail
 * import this one and call MailOutbox.enqueue inside their own transaction.
 */
@Module({
  controllers: [EmailsController, DevMailboxController],
  providers: [
    MailOutboxRepository,
    DevMailboxRepository,
    MailRenderer,
    MailSecrets,
    MailOutbox,
    mailTransportProvider,
    MailWorker,
    MailCommitListener,
    EmailsService,
  ],
  exports: [MailOutbox],
})
export class EmailsModule {}
