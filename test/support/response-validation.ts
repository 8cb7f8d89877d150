import type { OpenAPIObject } from '@nestjs/swagger';
import { Ajv2020, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';

/**
 * Every answer an e2e suite receives through supertest is checked against the app's own OpenAPI
 * document: its status must be one the operation describes, the headers named there must be
 * present and well-formed, and a JSON body must match the schema. A response the document does
 * not describe fails the request as a failed `expect` would.
 */
interface DescribedResponse {
  headers?: Record<string, { required?: boolean; schema?: object }>;
  content?: Record<string, { schema?: object }>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  responses: Record<string, DescribedResponse>;
}

interface DescribedWebhook {
  parameters: Array<{ name: string; schema: object }>;
  requestBody: { content: { 'application/json': { schema: object } } };
}

let routes: Route[] | undefined;
let webhooks: Record<string, { post: DescribedWebhook }> = {};
let ajv: Ajv2020;
const validators = new Map<object, ValidateFunction>();

/** Set once per test process: every app a suite starts has the same document, made only for the first. */
export function describeResponsesWith(makeDocument: () => OpenAPIObject): void {
  if (routes) return;
  const document = makeDocument();
  ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
  webhooks = (document as { webhooks?: typeof webhooks }).webhooks ?? {};
  routes = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { responses?: object }>)) {
      if (!operation?.responses) continue;
      const segments = template.split('/');
      routes.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${segments.map((s) => (s.startsWith('{') ? '[^/]+' : escape(s))).join('/')}$`),
        literalSegments: segments.filter((s) => !s.startsWith('{')).length,
        responses: operation.responses as Record<string, DescribedResponse>,
      });
    }
  }
  // /api/activity/verify before /api/activity/{id}.
  routes.sort((a, b) => b.literalSegments - a.literalSegments);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function validator(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    // References point into the document's components, which ajv knows as 'openapi'.
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
    validate = ajv.compile(rebased);
    validators.set(schema, validate);
  }
  return validate;
}

/** Why the response breaks the document, or undefined when it keeps to it. */
export function responseProblem(
  method: string,
  url: string,
  response: { status: number; headers: Record<string, string | undefined>; body: unknown; text?: string },
): string | undefined {
  if (!routes) return undefined;
  const path = new URL(url, 'http://localhost').pathname;
  if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return undefined;
  const route = routes.find((r) => r.method === method && r.pattern.test(path));
  const name = `${method} ${route?.template ?? path}`;
  // A route that does not exist answers the API's 404; nothing else may come from outside the document.
  if (!route) return response.status === 404 ? undefined : `${name} is not in the OpenAPI document`;
  const described = route.responses[String(response.status)] ?? route.responses.default;
  if (!described) return `${name} answered ${response.status}, which the document does not describe`;
  for (const [header, { required, schema }] of Object.entries(described.headers ?? {})) {
    const value = response.headers[header.toLowerCase()];
    if (value === undefined) {
      if (required) return `${name} ${response.status} lacks the ${header} header`;
      continue;
    }
    if (schema && !validator(schema)(value))
      return `${name} ${response.status}: ${header} "${value}" breaks its schema`;
  }
  const contentType = response.headers['content-type']?.split(';')[0]?.trim();
  if (!described.content) {
    return response.text ? `${name} ${response.status} has a body the document does not describe` : undefined;
  }
  const media = contentType ? described.content[contentType] : undefined;
  if (!media)
    return `${name} ${response.status} answered ${contentType ?? 'no body'}, not ${Object.keys(described.content).join(' or ')}`;
  if (contentType !== 'application/json' || !media.schema) return undefined;
  const validate = validator(media.schema);
  if (validate(response.body)) return undefined;
  return `${name} ${response.status} body breaks its schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
}

/** Why a delivery a receiver got breaks the document's webhooks, or undefined. */
export function webhookProblem(headers: Record<string, unknown>, body: string): string | undefined {
  const payload: unknown = JSON.parse(body);
  const event = String((payload as { type?: unknown }).type);
  const described = webhooks[event]?.post;
  if (!described) return `the event ${event} is not among the document's webhooks`;
  for (const { name, schema } of described.parameters) {
    if (!validator(schema)(headers[name])) return `${event}: ${name} "${String(headers[name])}" breaks its schema`;
  }
  const validate = validator(described.requestBody.content['application/json'].schema);
  if (validate(payload)) return undefined;
  return `${event}: body breaks its schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
}

// supertest's Test settles every request in assert(): the check goes in front of the test's own.
const Test = (request as unknown as { Test: { prototype: Record<string, unknown> } }).Test;
const assert = Test.prototype.assert as (this: TestLike, error: unknown, response: unknown, fn: Callback) => void;
type Callback = (error: unknown, response: unknown) => void;
interface TestLike {
  method: string;
  url: string;
}
Test.prototype.assert = function (this: TestLike, error: unknown, response: unknown, fn: Callback) {
  if (response) {
    const problem = responseProblem(this.method, this.url, response as Parameters<typeof responseProblem>[2]);
    if (problem && fn) return fn.call(this, new Error(`OpenAPI: ${problem}`), response);
  }
  return assert.call(this, error, response, fn);
};
