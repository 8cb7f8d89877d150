import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RequestRescueCodeDto {
  @ApiProperty({ example: 'PEL900101AB3', description: 'The client key (RFC); case and spaces do not matter.' })
  @IsString()
  @MaxLength(20)
  clientKey!: string;

  @ApiProperty({ example: 'admin', description: 'The user name within that client.' })
  @IsString()
  @MaxLength(64)
  username!: string;
}
