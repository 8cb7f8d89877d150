import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

import { ApprovalIdProperty } from '../../../common/validation/dto-decorators';
import { PasswordActionReason } from './password-action-reason';

export class SendResetEmailDto {
  @ApiPropertyOptional({
    example: 12,
    description: "A client the user belongs to: its language is the mail's. Default: the user's first client.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  clientId?: number;

  @ApiPropertyOptional({
    example: 345,
    description: 'A ticket of that client: a public reply tells the customer to look for the mail.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  ticketId?: number;

  @PasswordActionReason('forgot')
  reason?: string;

  @ApprovalIdProperty()
  approvalId?: number;
}
