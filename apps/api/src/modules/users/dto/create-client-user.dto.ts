import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

import { ALL_CLIENT_USER_PERMISSIONS, ClientUserPermission } from '@keydesk/domain';

import { OptionalNotNull } from '../../../common/validation/dto-decorators';

/** The "+ Associated user" form: a new user, or an existing one found by email. */
export class CreateClientUserDto {
  @ApiProperty({
    example: 'ana.lopez@abarrotes.example',
    description: 'An existing user (any case) is associated; otherwise a user is created.',
  })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ana', description: 'Used only when the user is new: an existing user keeps their names.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: 'López' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({
    example: 'ana.lopez',
    description: 'Letters, digits, dot, dash and underscore; stored lower-case; unique within the client.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[a-zA-Z0-9._-]+$/)
  username!: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Makes this user the owner (the previous owner stops being one). The first user of a client is always the owner.',
  })
  @OptionalNotNull()
  @IsBoolean()
  owner?: boolean;

  @ApiPropertyOptional({
    enum: ALL_CLIENT_USER_PERMISSIONS,
    isArray: true,
    description: "What the user may do in this client's account; all when absent.",
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(ALL_CLIENT_USER_PERMISSIONS, { each: true })
  permissions?: ClientUserPermission[];
}
