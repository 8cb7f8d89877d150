import { ApiExtension, ApiResponse } from '@nestjs/swagger';

import type { ErrorCode } from '@keydesk/domain';

/**
 * What an operation answers, for the OpenAPI document. Bodies are named by their domain type
 * (UserResponse...): their schemas are generated from those TypeScript types at build time
 * (scripts/response-schemas.mjs), and the document refuses a name that has no schema.
 */
export const schemaRef = (type: string) => ({ $ref: `#/components/schemas/${type}` });

/** 200 (or another 2xx) with one body of the named type. */
export const ApiBody = (type: string, status = 200, description = 'Done') =>
  ApiResponse({ status, description, schema: schemaRef(type) });

export const ApiCreatedBody = (type: string, description = 'Created') => ApiBody(type, 201, description);

export interface PageOptions {
  /**
   * A list too long to count (the activity log): the total reads `*`, as RFC 9110 allows, and
   * react-admin pages on by a cursor header instead.
   */
  uncounted?: boolean;
  /** Headers besides Content-Range (the next page's cursor). */
  headers?: Record<string, { description: string; required?: boolean; schema: Record<string, unknown> }>;
}

/** A react-admin simple-REST page: an array of the named type and its Content-Range header. */
export const ApiPage = (type: string, description = 'One page of the list', options: PageOptions = {}) =>
  ApiResponse({
    status: 200,
    description,
    schema: { type: 'array', items: schemaRef(type) },
    headers: {
      'Content-Range': options.uncounted
        ? {
            description: '`activity 0-49/*`: the resource and the positions of the first and last items; no total',
            required: true,
            schema: { type: 'string', pattern: '^[a-z-]+ \\d+-\\d+/\\*$' },
          }
        : {
            description: '`users 0-24/311`: the resource, the positions of the first and last items, and the total',
            required: true,
            schema: { type: 'string', pattern: '^[a-z-]+ \\d+-\\d+/\\d+$' },
          },
      ...options.headers,
    },
  });

/** A whole list in one answer (short lists: roles, sessions, passkeys...). */
export const ApiArray = (type: string, description = 'The whole list') =>
  ApiResponse({ status: 200, description, schema: { type: 'array', items: schemaRef(type) } });

export const ApiNoContent = (description = 'Done; no body') => ApiResponse({ status: 204, description });

/** The prefix of the extensions ApiErrors leaves on an operation; completeDocument reads and removes them. */
export const ERROR_CODES_EXTENSION = 'x-error-codes';
let extensions = 0;

/**
 * The refusals an operation can give besides those every operation of its kind gives (see
 * completeDocument). Codes accumulate across decorators (an access rule's, a step-up's, the
 * route's own); the document groups them by status with ERROR_STATUS. Each decorator writes its
 * own extension: ApiExtension keeps the first value a key was given, which would keep only the
 * codes of the decorator nearest the method.
 */
export const ApiErrors = (...codes: ErrorCode[]): MethodDecorator =>
  ApiExtension(`${ERROR_CODES_EXTENSION}-${++extensions}`, codes);
