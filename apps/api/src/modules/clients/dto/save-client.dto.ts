import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

import { ClientStatus, COUNTRIES, Locale, LOCALES } from '@keydesk/domain';

import { OptionalNotNull, Trimmed } from '../../../common/validation/dto-decorators';

/** The rules of each field, once, for creating and for updating. */
const Text = (max: number) => applyDecorators(Trimmed(), IsString(), IsNotEmpty(), MaxLength(max));
const Email = () => applyDecorators(Trimmed(), IsEmail(), MaxLength(254));
const Phone = () => applyDecorators(Trimmed(), IsString(), MaxLength(32), Matches(/^[\d\s()+.-]*$/));
const Country = () => IsIn(COUNTRIES);
const Language = () => IsIn(LOCALES);
const Status = () => IsIn(Object.values(ClientStatus));

export class CreateClientDto {
  @ApiProperty({
    example: 'SAT970701NN3',
    description: 'For Mexican clients the RFC, checked by format and check digit.',
  })
  @Text(13)
  clientKey!: string;

  @ApiProperty({ example: 'Abarrotes Hernández S.A. de C.V.' })
  @Text(255)
  companyName!: string;

  @ApiProperty({ example: 'María' })
  @Text(100)
  firstName!: string;

  @ApiProperty({ example: 'Hernández' })
  @Text(100)
  lastName!: string;

  @ApiProperty({ example: 'maria@abarrotes.example' })
  @Email()
  email!: string;

  @ApiPropertyOptional({ example: '+52 55 1234 5678' })
  @OptionalNotNull()
  @Phone()
  phone?: string;

  @ApiProperty({ enum: COUNTRIES, example: 'MX' })
  @Country()
  country!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'es' })
  @OptionalNotNull()
  @Language()
  language?: Locale;

  @ApiPropertyOptional({ enum: Object.values(ClientStatus), default: 'active' })
  @OptionalNotNull()
  @Status()
  status?: ClientStatus;
}

/** Every field may change, the key included (a corrected RFC); none may be cleared with null. */
export class UpdateClientDto {
  @ApiPropertyOptional({ example: 'SAT970701NN3' })
  @OptionalNotNull()
  @Text(13)
  clientKey?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Text(255)
  companyName?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Text(100)
  firstName?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Text(100)
  lastName?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Email()
  email?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Phone()
  phone?: string;

  @ApiPropertyOptional({ enum: COUNTRIES })
  @OptionalNotNull()
  @Country()
  country?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @OptionalNotNull()
  @Language()
  language?: Locale;

  @ApiPropertyOptional({ enum: Object.values(ClientStatus) })
  @OptionalNotNull()
  @Status()
  status?: ClientStatus;
}
