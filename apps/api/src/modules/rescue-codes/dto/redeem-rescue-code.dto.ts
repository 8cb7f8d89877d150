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
      'Required when RESCUE_CUSTOMER_CHOOSES_PASSWORD is on or the user has a second factor (nothing is mailed then): the new password, checked by the policy.',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({
    description:
      'Required when the user has a second factor: a code from their authenticator app, or a recovery code (400 SECOND_FACTOR_INVALID when wrong; the rescue code stays usable).',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(32)
  secondFactor?: string;
}
