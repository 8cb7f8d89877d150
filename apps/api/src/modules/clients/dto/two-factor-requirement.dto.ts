import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class TwoFactorRequirementDto {
  @ApiProperty({ description: 'Every user of the client signs in with a second factor' })
  @IsBoolean()
  required!: boolean;
}
