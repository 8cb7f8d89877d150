import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class DissociateClientUserDto {
  @ApiPropertyOptional({
    example: 42,
    description:
      'Required to remove the owner (ignored otherwise): another user of the same client, who becomes the owner in the same change.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  newOwnerId?: number;
}
