import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { ErrorCode } from '@keydesk/domain';

import { SignedIn } from '../../common/access/access.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app.config';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { mailboxListPage, mailboxMessagePage } from './dev-mailbox.page';

const LIST_SIZE = 200;

/**
 * /dev/mailbox: the mail the development transport received, secrets included, for a newcomer
 * following the flows on their own machine. Signed-in staff only even there, and a 404 in
 * production. Its pages carry reset links: no caching, no Referer.
 */
@ApiExcludeController()
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(
    private readonly messages: DevMailboxRepository,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @SignedIn()
  async list(@Res() response: Response): Promise<void> {
    this.refuseInProduction();
    sendPage(response, mailboxListPage(await this.messages.latest(LIST_SIZE)));
  }

  @Get(':id')
  @SignedIn()
  async show(@Param('id', ParseIntPipe) id: number, @Res() response: Response): Promise<void> {
    this.refuseInProduction();
    const message = await this.messages.findById(id);
    if (!message) throw new DomainError(ErrorCode.NotFound, { resource: 'email' });
    sendPage(response, mailboxMessagePage(message));
  }

  /** The HTML part alone, for the message page's iframe: sandboxed, it runs nothing and loads nothing. */
  @Get(':id/html')
  @SignedIn()
  async html(@Param('id', ParseIntPipe) id: number, @Res() response: Response): Promise<void> {
    this.refuseInProduction();
    const message = await this.messages.findById(id);
    if (!message) throw new DomainError(ErrorCode.NotFound, { resource: 'email' });
    response.setHeader(
      'Content-Security-Policy',
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    sendPage(response, message.html);
  }

  private refuseInProduction(): void {
    if (this.config.server.production) throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
  }
}

function sendPage(response: Response, html: string): void {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.type('html').send(html);
}
