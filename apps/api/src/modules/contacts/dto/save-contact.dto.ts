import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { OptionalNotNull, Trimmed } from '../../../common/validation/dto-decorators';

export class CreateContactDto {
  @ApiProperty({ example: 'Ana' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: 'López' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({
    example: 'ana.lopez@abarrotes.example',
    description: "Stored lower-case; unique among the client's contacts.",
  })
  @Trimmed()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ default: false, description: "Makes the address one of the client's registered addresses." })
  @IsBoolean()
  receivesSecurityEmails: boolean = false;
}

export class UpdateContactDto {
  @ApiPropertyOptional({ example: 'Ana' })
  @OptionalNotNull()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'López' })
  @OptionalNotNull()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ example: 'ana.lopez@abarrotes.example' })
  @OptionalNotNull()
  @Trimmed()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  receivesSecurityEmails?: boolean;
}
