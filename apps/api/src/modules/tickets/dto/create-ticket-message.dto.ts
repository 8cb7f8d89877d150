import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { Trimmed } from '../../../common/validation/dto-decorators';

export const TICKET_MESSAGE_MAX_LENGTH = 20_000;

export class CreateTicketMessageDto {
  @ApiProperty({ maxLength: TICKET_MESSAGE_MAX_LENGTH })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TICKET_MESSAGE_MAX_LENGTH)
  body!: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'An internal note: for staff only, never shown or sent to the customer; leaves status and lastReplyAt alone.',
  })
  @IsBoolean()
  internal: boolean = false;
}
