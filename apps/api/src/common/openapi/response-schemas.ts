import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type JsonSchema = Record<string, unknown>;

/**
 * libs/domain/dist/response-schemas.json, written by `npm run build` from the domain's types.
 * The same number of folders up from apps/api/src/common/openapi (tests) and from
 * apps/api/dist/common/openapi (the built api, the Docker image).
 */
const FILE = join(__dirname, '../../../../../libs/domain/dist/response-schemas.json');

let cached: Record<string, JsonSchema> | undefined;

export function responseSchemas(): Record<string, JsonSchema> {
  if (cached) return cached;
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: npm run build writes it`);
  const schemas = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, JsonSchema>;
  // The generator writes draft-07 references; in the document they point at components.
  cached = JSON.parse(JSON.stringify(schemas).replaceAll('"#/definitions/', '"#/components/schemas/')) as Record<
    string,
    JsonSchema
  >;
  return cached;
}
