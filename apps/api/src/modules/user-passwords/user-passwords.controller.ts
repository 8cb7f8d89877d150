import { Body, Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ErrorCode, Permission, SetUserPasswordResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiCreatedBody, ApiErrors } from '../../common/openapi/api-responses';
import { SetUserPasswordDto } from './dto/set-user-password.dto';
import { UserPasswordService } from './user-password.service';

/** The Manage user page's "Change password": a temporary password shared through a ticket. */
@ApiTags('users')
@Controller('api/users/:id')
export class UserPasswordsController {
  constructor(private readonly passwords: UserPasswordService) {}

  @Post('password')
  @RequireStepUp()
  @RequirePermission(Permission.UsersSetPassword)
  @ApiOperation({
    summary:
      "Sets a temporary password, ends the user's sessions and sends it through a public ticket reply (by default as a view-once link)",
  })
  @ApiCreatedBody('SetUserPasswordResponse', 'The password is set and its reply and mail queued')
  // The policy, the user's state, the assurance gate; SERVICE_BUSY when too many hashes wait.
  @ApiErrors(
    ErrorCode.PasswordRejected,
    ErrorCode.UserLocked,
    ErrorCode.EmailRecentlyChanged,
    ErrorCode.CallerNotVerified,
    ErrorCode.ApprovalRequired,
    ErrorCode.ApprovalNotUsable,
    ErrorCode.ServiceBusy,
  )
  set(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SetUserPasswordDto,
    @Ctx() context: RequestContext,
  ): Promise<SetUserPasswordResponse> {
    return this.passwords.set(id, dto, context);
  }
}
