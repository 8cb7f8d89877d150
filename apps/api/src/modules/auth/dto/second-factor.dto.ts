import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';

import { ErrorCode, SecondFactorMethod, StepUpMethod } from '@keydesk/domain';

import { DomainError } from '../../../common/errors/domain-error';
import { OptionalNotNull } from '../../../common/validation/dto-decorators';
import type { SecondFactorProof } from '../../two-factor/two-factor.service';
import type { StepUpProof } from '../auth.service';

const FACTORS = Object.values(SecondFactorMethod);

/** The parts a proof may carry, whichever its method. */
class ProofFields {
  /** Six digits of the app, or a recovery code (dashes and case aside). */
  @ApiPropertyOptional({ example: '123456', description: 'With totp or recovery_code' })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code?: string;

  /** What @simplewebauthn/browser's startAuthentication() resolves to, after the passkey options. */
  @ApiPropertyOptional({ type: Object, description: 'With passkey: the assertion (AuthenticationResponseJSON)' })
  @OptionalNotNull()
  @IsObject()
  response?: Record<string, unknown>;
}

export class SecondFactorDto extends ProofFields {
  @ApiProperty({ enum: FACTORS })
  @IsIn(FACTORS)
  method!: SecondFactorMethod;
}

export class StepUpDto extends ProofFields {
  @ApiProperty({ enum: [...FACTORS, 'password'] })
  @IsIn([...FACTORS, 'password'])
  method!: StepUpMethod;

  /** Length is checked by the hasher (1 KiB). */
  @ApiPropertyOptional({ description: 'With password, where no second factor is required and there is none' })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  password?: string;
}

/** The proof a request carries, for the session whose passkey challenge it answers; 400 when its part is missing. */
export function proofOf(dto: StepUpDto | SecondFactorDto, sessionIdHash: string): StepUpProof {
  const missing = (field: string): never => {
    throw new DomainError(ErrorCode.ValidationFailed, {}, { [field]: { key: 'validation.isNotEmpty' } });
  };
  if (dto.method === 'password')
    return { method: 'password', password: (dto as StepUpDto).password ?? missing('password') };
  if (dto.method === SecondFactorMethod.Passkey) {
    const response = (dto.response ?? missing('response')) as unknown as Extract<
      SecondFactorProof,
      { method: 'passkey' }
    >['response'];
    return { method: dto.method, response, sessionIdHash };
  }
  return { method: dto.method, code: dto.code ?? missing('code') };
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456', description: 'The code the authenticator app shows now' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  code!: string;
}

export class PasskeyRegistrationDto {
  @ApiProperty({ example: 'Laptop', description: 'A name to tell it from the staff member’s other passkeys' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name!: string;

  /** What @simplewebauthn/browser's startRegistration() resolves to, after the options. */
  @ApiProperty({ type: Object, description: 'The new credential (RegistrationResponseJSON)' })
  @IsObject()
  response!: Record<string, unknown>;
}
