import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

import { TicketDepartment, TicketPriority } from '@keydesk/domain';

import { Trimmed } from '../../../common/validation/dto-decorators';
import { TICKET_MESSAGE_MAX_LENGTH } from './create-ticket-message.dto';

/** A ticket a staff member opens for a client; `message` becomes its first, public message. */
export class CreateTicketDto {
  @ApiProperty({ example: 42 })
  @IsInt()
  @Min(1)
  clientId!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: "One of the client's users: who the ticket is for.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  userId?: number | null;

  @ApiProperty({ example: 'No puedo entrar al sistema de facturación' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  subject!: string;

  @ApiProperty({ maxLength: TICKET_MESSAGE_MAX_LENGTH })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TICKET_MESSAGE_MAX_LENGTH)
  message!: string;

  @ApiProperty({ enum: Object.values(TicketDepartment) })
  @IsIn(Object.values(TicketDepartment))
  department!: TicketDepartment;

  @ApiProperty({ enum: Object.values(TicketPriority) })
  @IsIn(Object.values(TicketPriority))
  priority!: TicketPriority;
}
