import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

import { PASSWORD_DELIVERIES, PasswordDelivery, type SetUserPasswordRequest } from '@keydesk/domain';

import { Trimmed, OptionalNotNull, ApprovalIdProperty } from '../../../common/validation/dto-decorators';
import { PasswordActionReason } from '../../password-resets/dto/password-action-reason';

/** Which of password/generate and of ticketId/newTicketSubject is given is checked by the service. */
export class SetUserPasswordDto implements SetUserPasswordRequest {
  @ApiPropertyOptional({
    description: 'The temporary password; checked by the password policy. Or give generate: true.',
  })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  password?: string;

  @ApiPropertyOptional({ example: true, description: 'Let Keydesk generate the password; nobody on staff sees it.' })
  @OptionalNotNull()
  @IsBoolean()
  generate?: boolean;

  @ApiPropertyOptional({ example: 345, description: 'A ticket of the client, where the public reply is posted.' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  ticketId?: number;

  @ApiPropertyOptional({
    example: 'Tu acceso a Keydesk',
    description: 'Opens a new ticket for the client and user with this subject.',
  })
  @OptionalNotNull()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  newTicketSubject?: string;

  @ApiPropertyOptional({
    enum: PASSWORD_DELIVERIES,
    default: PasswordDelivery.Link,
    description: 'A view-once link (default) or the password in the mail.',
  })
  @OptionalNotNull()
  @IsIn(PASSWORD_DELIVERIES)
  delivery?: PasswordDelivery;

  @ApiPropertyOptional({
    example: 12,
    description: "A client the user belongs to: its language is the reply's. Default: the user's first client.",
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  clientId?: number;

  @PasswordActionReason('locked_out')
  reason?: string;

  @ApprovalIdProperty()
  approvalId?: number;
}
