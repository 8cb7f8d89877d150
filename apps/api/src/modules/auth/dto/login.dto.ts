import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'User name or email', example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username!: string;

  /** Length is checked by the hasher (1 KiB), so an over-long password gets its own message. */
  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @IsNotEmpty()
  password!: string;
}
