import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ConfirmVerificationDto {
  @ApiProperty({ description: 'The six digits the caller read back', example: '482913' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  code!: string;
}
