import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { StaffStatus } from '@keydesk/domain';

import { OptionalNotNull } from '../../../common/validation/dto-decorators';

/** The user name is fixed once created: the audit trail and other systems refer to it. */
export class UpdateStaffDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  displayName?: string;

  @ApiPropertyOptional({ enum: Object.values(StaffStatus) })
  @OptionalNotNull()
  @IsIn(Object.values(StaffStatus))
  status?: StaffStatus;

  @ApiPropertyOptional({ type: [Number] })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  roleIds?: number[];
}
