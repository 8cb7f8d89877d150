import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { UNLOCK_REASON_MAX_LENGTH } from '@keydesk/domain';

import { Trimmed } from '../../../common/validation/dto-decorators';

export class UnlockUserDto {
  @ApiProperty({
    description: 'Why the lock can go (what was checked with the customer); kept in the activity log.',
    example: 'Called the owner back on the registered phone; the change was theirs.',
  })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(UNLOCK_REASON_MAX_LENGTH)
  reason!: string;
}
