import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { ApiErrorBody, ErrorCode, Locale } from '@keydesk/domain';

import { DatabaseAvailability, RETRY_AFTER_SECONDS } from '../../database/database-availability';
import { maskUrl } from '../../logging/logger-options';
import { AccountErrorPage } from '../../modules/account/account-error-page';
import { formatWhen } from '../i18n/format-when';
import { localeFromAcceptLanguage, translate } from '../i18n/translate';
import { DomainError } from './domain-error';
import { ERROR_STATUS } from './error-status';

/**
 * Refusals by the framework and the body parser (unknown route, malformed JSON, a body too large,
 * an unknown charset or Content-Encoding) in the API's own terms. Any other 4xx is a bad request.
 */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.NotAuthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
};

/**
 * The one place every error becomes a response: status, stable code, message in es or en; a plain
 * page for the client area's pages. Only errors that are ours to fix are logged, with the same
 * redaction as the request line.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(
    private readonly availability: DatabaseAvailability,
    private readonly errorPage: AccountErrorPage,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const error = this.toDomainError(exception, request);
    // A stream (an export) that failed half-way: the client sees the answer cut short.
    if (response.headersSent) return void response.destroy();
    const status = ERROR_STATUS[error.code];
    const retryAfter =
      error.retryAfterSeconds ?? (error.code === ErrorCode.DatabaseUnavailable ? RETRY_AFTER_SECONDS : undefined);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    if (AccountErrorPage.serves(request)) return this.errorPage.send(request, response, status, error);
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    response.setHeader('Content-Language', locale);
    response.status(status).json(errorBody(locale, status, error));
  }

  private toDomainError(exception: unknown, request: Request): DomainError {
    if (exception instanceof DomainError) return exception;
    const httpStatus = clientErrorStatus(exception);
    if (httpStatus !== undefined) {
      const code = HTTP_STATUS_CODES[httpStatus] ?? ErrorCode.ValidationFailed;
      return new DomainError(code, code === ErrorCode.NotFound ? { resource: 'route' } : { permission: '-' });
    }
    // Two requests creating the same unique value at once: the database's unique index wins the
    // race the services' checks lost, and the caller gets the conflict, not a 500.
    if (isDuplicateKey(exception)) return new DomainError(ErrorCode.Conflict);
    if (this.availability.noteFailure(exception)) return new DomainError(ErrorCode.DatabaseUnavailable);
    // The error's own fields go through the logger's err serializer; the url as the request line has it.
    this.logger.error({ err: exception, method: request.method, url: maskUrl(request.originalUrl) }, 'Unhandled error');
    return new DomainError(ErrorCode.InternalError);
  }
}

/** The JSON answer: the message in the caller's language, field errors beside it. */
export function errorBody(locale: Locale, status: number, error: DomainError): ApiErrorBody {
  const params = { ...error.params };
  if (typeof params.resource === 'string') params.resource = translate(locale, `resources.${params.resource}`);
  // A moment travels as ISO (for programs, in the body) and reads in the caller's language in the message.
  if (typeof params.opensAt === 'string') params.opensAt = formatWhen(new Date(params.opensAt), locale);
  // An exception a second person may allow: the action by its id for programs, by its name in the message.
  if (typeof params.action === 'string') params.action = translate(locale, `assuredActions.${params.action}`);
  const body: ApiErrorBody = {
    statusCode: status,
    code: error.code,
    // A variant says more of the same refusal (a removal takes a verified caller and an approval).
    message: translate(
      locale,
      typeof params.variant === 'string' ? `errors.${error.code}.${params.variant}` : `errors.${error.code}`,
      params,
    ),
  };
  if (typeof error.params.opensAt === 'string') body.opensAt = error.params.opensAt;
  if (typeof error.params.action === 'string') {
    body.action = error.params.action;
    body.approvalPossible = true;
  }
  if (typeof error.params.triesLeft === 'number') body.triesLeft = error.params.triesLeft;
  if (error.fieldErrors) {
    body.errors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, { key, params: p }]) => [field, translate(locale, key, p)]),
    );
  }
  return body;
}

/** The 4xx status of a framework or body-parser error (http-errors sets `status` and `expose`). */
function clientErrorStatus(exception: unknown): number | undefined {
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : ((exception as { status?: unknown; statusCode?: unknown } | null)?.status ??
        (exception as { statusCode?: unknown } | null)?.statusCode);
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function isDuplicateKey(exception: unknown): boolean {
  const code = (exception as { driverError?: { code?: string } })?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
