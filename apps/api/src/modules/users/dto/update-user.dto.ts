import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { UserStatus } from '@keydesk/domain';

import { ApprovalIdProperty, OptionalNotNull } from '../../../common/validation/dto-decorators';

/** The user's own fields, shared by every client they belong to. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Ana' })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'López' })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({
    example: 'ana.lopez@abarrotes.example',
    description: 'Unique among users, whatever the case.',
  })
  @OptionalNotNull()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: Object.values(UserStatus) })
  @OptionalNotNull()
  @IsIn(Object.values(UserStatus))
  status?: UserStatus;

  @ApprovalIdProperty()
  approvalId?: number;
}
