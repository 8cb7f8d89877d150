import type request from 'supertest';

/** The parts of an OpenAPI 3 schema the generator reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  maxLength?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** As documented, e.g. /api/clients/{id}/notes/{noteId}. */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema with its $ref resolved, if the operation takes one. */
  body?: Schema;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** Every operation of the running app's own OpenAPI document, so new endpoints get fuzzed too. */
export async function readOperations(http: request.Agent): Promise<Operation[]> {
  const response = await http.get('/api/docs-json');
  if (response.status !== 200) throw new Error(`GET /api/docs-json answered ${response.status}`);
  const document = response.body as OpenApiDocument;
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    resolveRefs(schema, document.components?.schemas ?? {});
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({ ...p, schema: resolve(p.schema) ?? {} }));
      const body = resolve(operation.requestBody?.content?.['application/json']?.schema);
      operations.push({ method: method.toUpperCase() as Operation['method'], path, parameters, body });
    }
  }
  return operations;
}

/** A copy of the schema with every $ref replaced by the component it names (no cycles in this API). */
function resolveRefs(schema: Schema | undefined, components: Record<string, Schema>, depth = 0): Schema | undefined {
  if (!schema || depth > 10) return schema;
  if (schema.$ref)
    return resolveRefs(components[schema.$ref.replace('#/components/schemas/', '')], components, depth + 1);
  const resolved: Schema = { ...schema };
  // OpenAPI 3.1 writes a nullable field as type ['number', 'null']; the generator reads one type.
  const types = schema.type as string | string[] | undefined;
  if (Array.isArray(types)) {
    resolved.type = types.find((type) => type !== 'null');
    resolved.nullable = types.includes('null');
  }
  if (schema.enum) resolved.enum = schema.enum.filter((value) => value !== null);
  if (schema.items) resolved.items = resolveRefs(schema.items, components, depth + 1);
  if (schema.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [
        name,
        resolveRefs(property, components, depth + 1) ?? {},
      ]),
    );
  }
  return resolved;
}

/** How a failure names its operation: `PUT /api/staff/{id}`. */
export const operationName = (operation: Pick<Operation, 'method' | 'path'>): string =>
  `${operation.method} ${operation.path}`;
