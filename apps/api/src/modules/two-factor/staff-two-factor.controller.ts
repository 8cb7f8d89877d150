import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { ErrorCode, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiErrors, ApiNoContent } from '../../common/openapi/api-responses';
import { ApprovalIdProperty, Trimmed } from '../../common/validation/dto-decorators';
import { TwoFactorService } from './two-factor.service';

export class ResetFactorsDto {
  @ApiProperty({ description: 'Why (how the person was verified); kept in the activity log' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApprovalIdProperty()
  approvalId?: number;
}

@ApiTags('staff')
@Controller('api/staff')
export class StaffTwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Post(':id/two-factor/reset')
  @RequireStepUp()
  @HttpCode(204)
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({
    summary: "Resets another staff member's second factors (a lost phone)",
    description:
      'Takes an approved request (approvalId) of staff.factors_reset for this staff member: 403 APPROVAL_REQUIRED without one. Their sessions end and they enrol again at the next sign-in; they are mailed. Never your own (403).',
  })
  @ApiNoContent()
  @ApiErrors(ErrorCode.ApprovalRequired, ErrorCode.ApprovalNotUsable)
  reset(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ResetFactorsDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    return this.twoFactor.resetFactors(id, dto.reason, context, dto.approvalId);
  }
}
