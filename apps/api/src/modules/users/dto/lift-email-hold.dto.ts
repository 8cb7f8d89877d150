import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

import { ApprovalIdProperty, OptionalNotNull, Trimmed } from '../../../common/validation/dto-decorators';

export class LiftEmailHoldDto {
  @ApiProperty({
    description: 'Why the new address may get a password now (how the caller was verified); kept in the activity log.',
  })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ description: 'The ticket the request came through' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  ticketId?: number;

  @ApprovalIdProperty()
  approvalId?: number;
}
