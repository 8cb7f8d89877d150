import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

import { OptionalNotNull } from '../../../common/validation/dto-decorators';

export class ConfirmVerificationDto {
  @ApiProperty({ description: 'The six digits the caller read back', example: '482913' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  code!: string;
}

export class AppCodeVerificationDto extends ConfirmVerificationDto {
  @ApiProperty({ required: false, description: 'The ticket the call is about' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  ticketId?: number;
}
