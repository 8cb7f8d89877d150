import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { SecondFactorMethod, StepUpMethod } from '@keydesk/domain';

import { OptionalNotNull } from '../../../common/validation/dto-decorators';

export class SecondFactorDto {
  @ApiProperty({ enum: Object.values(SecondFactorMethod) })
  @IsIn(Object.values(SecondFactorMethod))
  method!: SecondFactorMethod;

  /** Six digits of the app, or a recovery code (dashes and case aside). */
  @ApiProperty({ example: '123456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456', description: 'The code the authenticator app shows now' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  code!: string;
}

export class StepUpDto {
  @ApiProperty({ enum: [...Object.values(SecondFactorMethod), 'password'] })
  @IsIn([...Object.values(SecondFactorMethod), 'password'])
  method!: StepUpMethod;

  @ApiPropertyOptional({ example: '123456', description: 'With totp or recovery_code' })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code?: string;

  /** Length is checked by the hasher (1 KiB). */
  @ApiPropertyOptional({ description: 'With password, where no second factor is required and there is none' })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  password?: string;
}
