import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';

import { validationErrorToDomainError } from './validation-errors';

/**
 * Unknown fields are refused (not silently dropped), so integrators learn about typos. A path or
 * query number is left as text for ParseIntPipe to read strictly: Nest's own conversion (`+value`)
 * ran first and read "0x1", "1e0" and " 1" as the id 1.
 */
class StrictNumbersValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.metatype === Number ? value : super.transformPrimitive(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictNumbersValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: validationErrorToDomainError,
  });
}
