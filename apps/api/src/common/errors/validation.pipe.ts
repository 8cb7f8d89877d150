import { ValidationPipe } from '@nestjs/common';

import { validationErrorToDomainError } from './validation-errors';

/** Unknown fields are refused (not silently dropped), so integrators learn about typos. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: validationErrorToDomainError,
  });
}
