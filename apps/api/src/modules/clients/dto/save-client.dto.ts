import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { ClientStatus, COUNTRIES, Locale, LOCALES } from '@keydesk/domain';

export class CreateClientDto {
  @ApiProperty({ example: 'SAT970701NN3', description: 'For Mexican clients the RFC, checked by format and check digit.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(13)
  clientKey!: string;

  @ApiProperty({ example: 'Abarrotes Hernández S.A. de C.V.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  companyName!: string;

  @ApiProperty({ example: 'María' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: 'Hernández' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: 'maria@abarrotes.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '+52 55 1234 5678' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[\d\s()+.-]*$/)
  phone?: string;

  @ApiProperty({ enum: COUNTRIES, example: 'MX' })
  @IsIn(COUNTRIES)
  country!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'es' })
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale;

  @ApiPropertyOptional({ enum: Object.values(ClientStatus), default: 'active' })
  @IsOptional()
  @IsIn(Object.values(ClientStatus))
  status?: ClientStatus;
}

/** Every field may change, the key included (a corrected RFC), under the same rules. */
export class UpdateClientDto extends PartialType(CreateClientDto) {}
