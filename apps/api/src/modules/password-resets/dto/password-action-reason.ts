import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { PASSWORD_RESET_REASON_MAX_LENGTH } from '@keydesk/domain';

import { Trimmed } from '../../../common/validation/dto-decorators';

/** Why the agent acted on a user's password: kept in the audit trail for the supervisor. */
export function PasswordActionReason(example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example,
      description: 'forgot, locked_out, security_precaution or free text; kept in the audit trail.',
    }),
    IsOptional(),
    Trimmed(),
    IsString(),
    IsNotEmpty(),
    MaxLength(PASSWORD_RESET_REASON_MAX_LENGTH),
  );
}
