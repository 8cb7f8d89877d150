import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

import { ApprovalIdProperty, Trimmed } from '../../../common/validation/dto-decorators';

export class RemoveFactorsDto {
  @ApiProperty({ description: 'Why (how the caller was verified, what they lost); kept in the activity log' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ description: "The ticket the request came through (one of the user's clients')" })
  @IsInt()
  @Min(1)
  ticketId!: number;

  @ApprovalIdProperty()
  approvalId?: number;
}
