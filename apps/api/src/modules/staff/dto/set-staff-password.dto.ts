import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';

export class SetStaffPasswordDto {
  @ApiProperty({ description: 'The new password; checked against the password policy.' })
  @IsString()
  @IsNotEmpty()
  password!: string;
}
