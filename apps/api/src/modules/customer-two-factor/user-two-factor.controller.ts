import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ErrorCode, Permission, UserFactorRemovalResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiBody, ApiErrors } from '../../common/openapi/api-responses';
import { RemoveFactorsDto } from './dto/remove-factors.dto';
import { UserFactorRemovalService } from './user-factor-removal.service';

/** Manage user → "Remove second factor". */
@ApiTags('users')
@Controller('api/users/:id/two-factor')
export class UserTwoFactorController {
  constructor(private readonly removal: UserFactorRemovalService) {}

  @Post('removal')
  @HttpCode(200)
  @RequireStepUp()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: 'Removes every second factor of a customer who lost them, for a verified caller with an approval',
    description:
      '403 CALLER_NOT_VERIFIED without a caller you verified, 403 APPROVAL_REQUIRED without an approved request of user.second_factor_removal (approvalId), 409 NO_SECOND_FACTOR when there is none. Sessions end; the user and the client are told.',
  })
  @ApiBody('UserFactorRemovalResponse')
  @ApiErrors(
    ErrorCode.NoSecondFactor,
    ErrorCode.CallerNotVerified,
    ErrorCode.ApprovalRequired,
    ErrorCode.ApprovalNotUsable,
  )
  remove(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RemoveFactorsDto,
    @Ctx() context: RequestContext,
  ): Promise<UserFactorRemovalResponse> {
    return this.removal.remove(id, dto, context);
  }
}
