import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

import { ALL_ASSURED_ACTIONS, AssuredAction } from '@keydesk/domain';

import { OptionalNotNull, Trimmed } from '../../../common/validation/dto-decorators';

export class RequestApprovalDto {
  @ApiProperty({ enum: ALL_ASSURED_ACTIONS, description: 'The one action to allow, as the policy names it' })
  @IsIn(ALL_ASSURED_ACTIONS)
  action!: AssuredAction;

  @ApiPropertyOptional({ description: 'The user, for user.* actions' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  userId?: number;

  @ApiPropertyOptional({ description: 'The staff member, for staff.* actions' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  staffId?: number;

  @ApiProperty({ description: 'Why the exception (what the caller said, why they cannot be verified)' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ description: 'The ticket the request is about' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  ticketId?: number;
}
