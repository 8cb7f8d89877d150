import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';

import { CALLER_CHECKED_ACTIONS, CallerCheckedAction } from '@keydesk/domain';

export class AssurancePolicyDto {
  @ApiProperty({
    enum: CALLER_CHECKED_ACTIONS,
    isArray: true,
    description: 'The actions an agent takes only for a verified caller (or with an approval)',
  })
  @IsArray()
  @ArrayMaxSize(CALLER_CHECKED_ACTIONS.length)
  @IsIn(CALLER_CHECKED_ACTIONS, { each: true })
  verifiedCallerFor!: CallerCheckedAction[];
}
