import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
} from 'class-validator';

import { ALL_PERMISSIONS, Permission } from '@keydesk/domain';

import { Trimmed } from '../../../common/validation/dto-decorators';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'CRM sync', description: 'What the token is for' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    enum: ALL_PERMISSIONS,
    isArray: true,
    description: 'What it may do; never users.set_password, staff.manage or approvals.decide',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_PERMISSIONS.length)
  @IsIn(ALL_PERMISSIONS, { each: true })
  permissions!: Permission[];

  @ApiProperty({ example: '2027-06-30T00:00:00.000Z', description: 'At most a year away' })
  @IsDateString({ strict: true })
  expiresAt!: string;
}
