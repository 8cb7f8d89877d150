import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { Trimmed } from '../../../common/validation/dto-decorators';

export class UnlockUserDto {
  @ApiProperty({ description: 'Why the lock can go (what was checked with the customer); kept in the activity log.', example: 'Called the owner back on the registered phone; the change was theirs.' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
