import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsEmail, IsInt, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateStaffDto {
  @ApiProperty({ example: 'ana.lopez', description: 'Letters, digits, dot, dash and underscore; stored lower-case.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[a-zA-Z0-9._-]+$/)
  username!: string;

  @ApiProperty({ example: 'ana.lopez@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ana López' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  displayName!: string;

  @ApiProperty({ description: 'Checked against the password policy (at least 15 characters, not common).' })
  @IsString()
  @IsNotEmpty()
  password!: string;

  @ApiProperty({ type: [Number], example: [1] })
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  roleIds!: number[];
}
