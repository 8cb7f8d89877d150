import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsInt, IsString, MaxLength, Min } from 'class-validator';

import { OptionalNotNull, Trimmed } from '../../../common/validation/dto-decorators';

export class StartVerificationDto {
  @ApiProperty({ description: 'One of the addresses GET /api/users/:id/verification lists' })
  @Trimmed()
  @IsString()
  @IsEmail()
  @MaxLength(254)
  address!: string;

  @ApiPropertyOptional({ description: 'The ticket the call is about (one of the user’s clients’)' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  ticketId?: number;
}
