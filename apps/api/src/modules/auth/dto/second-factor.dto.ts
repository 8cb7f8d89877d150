import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { SecondFactorMethod } from '@keydesk/domain';

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
