import { Module } from '@nestjs/common';

import { UserSessionCookie } from './user-session-cookie';
import { UserSessionHousekeepingService } from './user-session-housekeeping.service';
import { UserSessionRepository } from './user-session.repository';
import { UserSessionService } from './user-session.service';

/**
 * The client area's sessions, in the database so any api process serves any request. Modules that
 * change a user's password import it for UserSessionRepository.endAllOf.
 */
@Module({
  providers: [UserSessionRepository, UserSessionService, UserSessionCookie, UserSessionHousekeepingService],
  exports: [UserSessionRepository, UserSessionService, UserSessionCookie],
})
export class UserSessionsModule {}
