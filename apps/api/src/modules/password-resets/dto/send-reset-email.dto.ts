import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

import { PASSWORD_RESET_REASON_MAX_LENGTH } from '@keydesk/domain';

import { Trimmed } from '../../../common/validation/dto-decorators';

export class SendResetEmailDto {
  @ApiPropertyOptional({ example: 12, description: 'A client the user belongs to: its language is the mail\'s. Default: the user\'s first client.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  clientId?: number;

  @ApiPropertyOptional({ example: 345, description: 'A ticket of that client: a public reply tells the customer to look for the mail.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  ticketId?: number;

  @ApiPropertyOptional({ example: 'forgot', description: 'forgot, locked_out, security_precaution or free text; kept in the audit trail.' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_RESET_REASON_MAX_LENGTH)
  reason?: string;
}
