import { Controller, Delete, Get, HttpCode, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { SessionStaff, StaffSessionResponse } from '@keydesk/domain';

import { SignedIn } from '../../common/access/access.decorator';
import { ApiArray, ApiNoContent } from '../../common/openapi/api-responses';
import { StaffSessionService } from './staff-session.service';

/** "My account → Security": where the staff member is signed in, and signing out of each. */
@ApiTags('me')
@Controller('api/me/sessions')
export class MeSessionsController {
  constructor(private readonly sessions: StaffSessionService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Where the staff member is signed in: their live sessions, newest first' })
  @ApiArray('StaffSessionResponse')
  list(@Req() request: Request): Promise<StaffSessionResponse[]> {
    return this.sessions.listOf((request.user as SessionStaff).id, request.staffSession!.idHash);
  }

  @Delete()
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Signs out everywhere else: every other session of the staff member ends' })
  @ApiNoContent()
  async endOthers(@Req() request: Request): Promise<void> {
    await this.sessions.endOthers((request.user as SessionStaff).id, request.staffSession!.idHash);
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Ends one of their own sessions, by the id the list gives' })
  @ApiNoContent()
  async end(@Req() request: Request, @Param('id') id: string): Promise<void> {
    await this.sessions.endOwn((request.user as SessionStaff).id, id);
  }
}
