import { applyDecorators } from '@nestjs/common';
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

/** A react-admin simple-REST page: an array of the named type and its Content-Range header. */
export const ApiPage = (type: string, description = 'One page of the list') =>
  ApiResponse({
    status: 200,
    description,
    schema: { type: 'array', items: schemaRef(type) },
    headers: {
      'Content-Range': {
        description: '`users 0-24/311`: the resource, the positions of the first and last items, and the total',
        required: true,
        schema: { type: 'string', pattern: '^[a-z-]+ \\d+-\\d+/\\d+$' },
      },
    },
  });

/** A whole list in one answer (short lists: roles, sessions, passkeys...). */
export const ApiArray = (type: string, description = 'The whole list') =>
  ApiResponse({ status: 200, description, schema: { type: 'array', items: schemaRef(type) } });

export const ApiNoContent = (description = 'Done; no body') => ApiResponse({ status: 204, description });

export const ERROR_CODES_EXTENSION = 'x-error-codes';
const ERROR_CODES = Symbol('keydesk:error-codes');

/**
 * The refusals an operation can give besides those every operation of its kind gives (see
 * completeDocument). Codes accumulate across decorators (an access rule's, a step-up's, the
 * route's own); the document groups them by status with ERROR_STATUS.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const all: ErrorCode[] = [
      ...new Set([...((Reflect.getMetadata(ERROR_CODES, handler) as ErrorCode[]) ?? []), ...codes]),
    ];
    Reflect.defineMetadata(ERROR_CODES, all, handler);
    applyDecorators(ApiExtension(ERROR_CODES_EXTENSION, all))(target, key, descriptor);
  };
}
