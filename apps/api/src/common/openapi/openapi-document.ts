import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { ALL_WEBHOOK_EVENTS, ErrorCode } from '@keydesk/domain';

import { ERROR_STATUS } from '../errors/error-status';
import { ERROR_CODES_EXTENSION, schemaRef } from './api-responses';
import { JsonSchema, responseSchemas } from './response-schemas';

type Operation = Record<string, unknown> & {
  parameters?: Array<{ in: string }>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Answers that always say when to come back. */
const RETRY_STATUSES = new Set([429, 503]);

/** The document at /api/docs-json, and the one the e2e suites check every response against. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Keydesk API')
    .setDescription(
      'Staff sign in with POST /api/auth/login and send the returned csrfToken as X-CSRF-Token on every ' +
        'other state-changing request; integrations send an API token as `Authorization: Bearer kd_…` ' +
        'instead (no cookie, no CSRF token). Lists follow react-admin simple-REST conventions (filter, ' +
        'range, sort; Content-Range). Every refusal is `{ statusCode, code, message, errors? }`, its ' +
        'message in the language of Accept-Language (es or en).',
    )
    .setVersion('0.1.0')
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'This Keydesk')
    .addCookieAuth('keydesk.sid', { type: 'apiKey', in: 'cookie', name: 'keydesk.sid' }, 'session')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }, 'csrf')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token, kd_…' }, 'token')
    .build();
  return completeDocument(SwaggerModule.createDocument(app, config), responseSchemas());
}

/**
 * What the decorators leave to one place: OpenAPI 3.1 (JSON Schema, as the generated response
 * schemas are), the refusals every operation of a kind can give, the error bodies grouped by
 * status, and a check that every schema an operation names exists.
 */
export function completeDocument(document: OpenAPIObject, generated: Record<string, JsonSchema>): OpenAPIObject {
  document.openapi = '3.1.0';
  const schemas = (document.components ??= {}).schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) schemas[name] = toJsonSchema(schema) as typeof schema;
  for (const [name, schema] of Object.entries(generated)) {
    if (schemas[name]) throw new Error(`OpenAPI: the request DTO ${name} has the name of a domain type`);
    schemas[name] = schema;
  }
  document.components.schemas = schemas;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      operation.parameters = operation.parameters?.map((parameter) => toJsonSchema(parameter) as { in: string });
      for (const [status, response] of Object.entries(operation.responses) as Array<
        [string, { description?: string }]
      >) {
        if (status === '204' && !response.description) response.description = 'Done; no body';
      }
      describeErrors(method, operation);
      // Open routes say so: an empty list, not a missing one.
      operation.security = (operation.security ?? []).map((requirement) =>
        // The CSRF token guards state-changing requests only.
        method === 'get'
          ? Object.fromEntries(Object.entries(requirement).filter(([scheme]) => scheme !== 'csrf'))
          : requirement,
      );
    }
  }
  describeWebhooks(document);
  pruneAndCheck(document);
  return document;
}

/** What a registered address receives (OpenAPI 3.1 webhooks): one POST per event. */
function describeWebhooks(document: OpenAPIObject): void {
  const header = (description: string, pattern: string) => ({
    required: true,
    description,
    schema: { type: 'string', pattern },
  });
  (document as OpenAPIObject & { webhooks: Record<string, unknown> }).webhooks = Object.fromEntries(
    ALL_WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          summary: `The ${event} event`,
          operationId: `webhook_${event.replace('.', '_')}`,
          description: 'Signed as Standard Webhooks says; answer 2xx within 10 seconds, or it is tried again later.',
          parameters: [
            { in: 'header', name: 'webhook-id', ...header('The same on every attempt of this event', '^msg_') },
            { in: 'header', name: 'webhook-timestamp', ...header('Seconds since 1970', '^\\d+$') },
            {
              in: 'header',
              name: 'webhook-signature',
              ...header('v1,<base64 HMAC-SHA256 of "id.timestamp.body" under the secret>', '^v1,'),
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { allOf: [schemaRef('WebhookPayload'), { properties: { type: { const: event } } }] },
              },
            },
          },
          responses: { '200': { description: 'Received (any 2xx)' } },
          security: [],
        },
      },
    ]),
  );
}

function describeErrors(method: string, operation: Operation): void {
  const codes = new Set<ErrorCode>();
  for (const key of Object.keys(operation).filter((name) => name.startsWith(`${ERROR_CODES_EXTENSION}-`))) {
    for (const code of operation[key] as ErrorCode[]) codes.add(code);
    delete operation[key];
  }
  codes.add(ErrorCode.InternalError).add(ErrorCode.DatabaseUnavailable);
  // The JSON body parser reads whatever body comes, on every route: one that is malformed, too
  // large or in an unknown encoding is refused before the route is reached, with or without a
  // body of its own.
  codes.add(ErrorCode.ValidationFailed).add(ErrorCode.PayloadTooLarge).add(ErrorCode.UnsupportedMediaType);
  if ((operation.parameters ?? []).some((p) => p.in === 'path')) codes.add(ErrorCode.NotFound);
  // A bearer token is read wherever it is sent: one that names no live token is refused, even on
  // an open route.
  codes.add(ErrorCode.NotAuthenticated);
  if (operation.security?.length) {
    codes.add(ErrorCode.SessionExpired);
    if (method !== 'get') codes.add(ErrorCode.CsrfTokenInvalid);
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...codes].sort()) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    operation.responses[String(status)] = errorResponse(
      status,
      list,
      operation.responses[String(status)] as OwnResponse | undefined,
    );
  }
}

interface OwnResponse {
  description?: string;
  content?: Record<string, { schema?: object }>;
}

/**
 * The refusals of one status. An operation that describes the status itself (the health check's
 * 503 report) keeps its body beside the error's: `statusCode` and `code` bind only a body that has them.
 */
function errorResponse(status: number, codes: ErrorCode[], own?: OwnResponse): Record<string, unknown> {
  const refused = `Refused: ${codes.map((code) => `\`${code}\``).join(', ')}`;
  const ownSchema = own?.content?.['application/json']?.schema;
  return {
    description: ownSchema ? `${own?.description}. ${refused}` : refused,
    ...(RETRY_STATUSES.has(status) && {
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before trying again',
          required: true,
          schema: { type: 'string', pattern: '^\\d+$' },
        },
      },
    }),
    content: {
      'application/json': {
        schema: {
          allOf: [
            ownSchema ? { anyOf: [schemaRef('ApiErrorBody'), ownSchema] } : schemaRef('ApiErrorBody'),
            { type: 'object', properties: { statusCode: { const: status }, code: { enum: codes } } },
          ],
        },
      },
    },
  };
}

/** OpenAPI 3.0's `nullable` (what Nest writes for request DTOs) as JSON Schema's null type. */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (typeof value !== 'object' || value === null) return value;
  const { nullable, ...rest } = value as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, v]) => [key, toJsonSchema(v)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') converted.type = [converted.type, 'null'];
  if (Array.isArray(converted.enum)) converted.enum = [...(converted.enum as unknown[]), null];
  return converted;
}

/** Keeps the schemas the operations use (the domain exports more types than the API answers). */
function pruneAndCheck(document: OpenAPIObject): void {
  const schemas = document.components!.schemas!;
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') {
        const name = v.replace('#/components/schemas/', '');
        if (!schemas[name]) throw new Error(`OpenAPI: no schema ${name}`);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(v);
    }
  };
  visit(document.paths);
  visit((document as { webhooks?: unknown }).webhooks);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

/** Operations whose success is not described with a body (204 aside): what a test refuses. */
export function undescribedSuccesses(document: OpenAPIObject): string[] {
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      const described = successes.every(
        ([status, response]) => status === '204' || (response as { content?: unknown }).content,
      );
      if (!successes.length || !described) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing;
}
