import { Body, Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Permission, SetUserPasswordResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { Ctx, RequestContext } from '../../common/http/request-context';
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
  set(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SetUserPasswordDto,
    @Ctx() context: RequestContext,
  ): Promise<SetUserPasswordResponse> {
    return this.passwords.set(id, dto, context);
  }
}
