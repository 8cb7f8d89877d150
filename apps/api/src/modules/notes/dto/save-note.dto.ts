import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { OptionalNotNull, Trimmed } from '../../../common/validation/dto-decorators';

export const NOTE_MAX_LENGTH = 5000;

export class CreateNoteDto {
  @ApiProperty({ example: 'Prefers to be called after 16:00.', maxLength: NOTE_MAX_LENGTH })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTE_MAX_LENGTH)
  body!: string;

  @ApiPropertyOptional({ default: false, description: 'Sticky notes show first and on the Summary tab.' })
  @IsBoolean()
  sticky: boolean = false;
}

/** Only the author may change the body; anyone with clients.edit may pin or unpin. */
export class UpdateNoteDto {
  @ApiPropertyOptional({ maxLength: NOTE_MAX_LENGTH })
  @OptionalNotNull()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTE_MAX_LENGTH)
  body?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  sticky?: boolean;
}
