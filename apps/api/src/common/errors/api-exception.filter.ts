import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { ApiErrorBody, ErrorCode } from '@keydesk/domain';

import { localeFromAcceptLanguage, translate } from '../i18n/translate';
import { DomainError } from './domain-error';
import { ERROR_STATUS } from './error-status';

/** Framework errors (unknown route, malformed JSON, body too large) in the API's own terms. */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.NotAuthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  413: ErrorCode.PayloadTooLarge,
};

/** The one place every error becomes a response: status, stable code, message in es or en. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const error = this.toDomainError(exception, request);
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    const params = { ...error.params };
    if (typeof params.resource === 'string') params.resource = translate(locale, `resources.${params.resource}`);
    const body: ApiErrorBody = {
      statusCode: ERROR_STATUS[error.code],
      code: error.code,
      message: translate(locale, `errors.${error.code}`, params),
    };
    if (error.fieldErrors) {
      body.errors = Object.fromEntries(
        Object.entries(error.fieldErrors).map(([field, { key, params: p }]) => [field, translate(locale, key, p)]),
      );
    }
    if (error.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.setHeader('Content-Language', locale);
    response.status(body.statusCode).json(body);
  }

  private toDomainError(exception: unknown, request: Request): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof HttpException && HTTP_STATUS_CODES[exception.getStatus()]) {
      const code = HTTP_STATUS_CODES[exception.getStatus()];
      return new DomainError(code, code === ErrorCode.NotFound ? { resource: 'route' } : { permission: '-' });
    }
    // Two requests creating the same unique value at once: the database's unique index wins the
    // race the services' checks lost, and the caller gets the conflict, not a 500.
    if (isDuplicateKey(exception)) return new DomainError(ErrorCode.Conflict);
    const status = (exception as { status?: number; statusCode?: number })?.status;
    if (status === 413) return new DomainError(ErrorCode.PayloadTooLarge);
    if (status === 400) return new DomainError(ErrorCode.ValidationFailed);
    // Only the error's name, message and stack: request bodies may carry passwords.
    this.logger.error({ err: exception, method: request.method, path: request.path }, 'Unhandled error');
    return new DomainError(ErrorCode.InternalError);
  }
}

function isDuplicateKey(exception: unknown): boolean {
  const code = (exception as { driverError?: { code?: string } })?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
