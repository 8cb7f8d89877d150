import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

import { ApprovalDecision } from '@keydesk/domain';

import { OptionalNotNull, Trimmed } from '../../../common/validation/dto-decorators';

export class DecideApprovalDto {
  @ApiProperty({ enum: Object.values(ApprovalDecision) })
  @IsIn(Object.values(ApprovalDecision))
  decision!: ApprovalDecision;

  @ApiPropertyOptional({ description: 'Kept with the decision and in the activity log' })
  @OptionalNotNull()
  @Trimmed()
  @IsString()
  @MaxLength(500)
  comment?: string;
}
