import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

import { RequestRescueCodeDto } from './request-rescue-code.dto';

import { OptionalNotNull } from '../../../common/validation/dto-decorators';

export class RedeemRescueCodeDto extends RequestRescueCodeDto {
  @ApiProperty({ example: '4F7KQ-9QXMZ', description: 'The mailed code; case, spaces and the hyphen do not matter.' })
  @IsString()
  @MaxLength(32)
  code!: string;

  @ApiPropertyOptional({
    description:
      'Only when RESCUE_CUSTOMER_CHOOSES_PASSWORD is on (then required): the new password, checked by the policy.',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(1024)
  password?: string;
}
