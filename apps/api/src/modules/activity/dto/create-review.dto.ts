import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

import { Trimmed, OptionalNotNull } from '../../../common/validation/dto-decorators';

/** Entries by id, or a period (from, to); the comment says what was checked. */
export class CreateReviewDto {
  @ApiPropertyOptional({ type: [String], description: 'The ids of the entries reviewed (up to 500).' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  entryIds?: string[];

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'A period reviewed whole: its start…' })
  @OptionalNotNull()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-02T00:00:00Z', description: '…and its end (exclusive).' })
  @OptionalNotNull()
  @IsISO8601()
  to?: string;

  @ApiProperty({ example: 'Resets checked against the tickets; all requested by the customers.' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  comment!: string;
}
