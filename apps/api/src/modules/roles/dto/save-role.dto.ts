import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { ALL_PERMISSIONS, Permission } from '@keydesk/domain';

/** Creating and replacing a role take the same fields. */
export class SaveRoleDto {
  @ApiProperty({ example: 'Billing agent' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name!: string;

  @ApiProperty({ example: 'Agents who only handle billing customers' })
  @IsString()
  @MaxLength(255)
  description: string = '';

  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(ALL_PERMISSIONS, { each: true })
  permissions!: Permission[];
}
