// Writes libs/domain/dist/response-schemas.json: the JSON Schema of every type the domain library
// exports, generated from the TypeScript the controllers return. The api's OpenAPI document takes
// its response bodies from it, so the document cannot describe a body the code does not send.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createGenerator } from 'ts-json-schema-generator';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'libs/domain/src/index.ts');
const output = join(root, 'libs/domain/dist/response-schemas.json');

/** The interfaces and type aliases index.ts exports (functions and constants have no schema). */
function exportedTypeNames() {
  const program = ts.createProgram([entry], { strict: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry));
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias);
    })
    .map((symbol) => symbol.name)
    .sort();
}

const generator = createGenerator({
  path: entry,
  tsconfig: join(root, 'libs/domain/tsconfig.json'),
  // tsc checks these files in the same build; checking them twice only costs time.
  skipTypeCheck: true,
  expose: 'export',
  topRef: false,
  jsDoc: 'basic',
  // A field the type does not name is a field the document does not describe.
  additionalProperties: false,
});

const schemas = {};
for (const name of exportedTypeNames()) {
  const { definitions = {}, $schema: _draft, ...schema } = generator.createSchema(name);
  Object.assign(schemas, definitions);
  schemas[name] = schema;
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(schemas, null, 2)}\n`);
console.log(`response-schemas: ${Object.keys(schemas).length} schemas in ${output.slice(root.length + 1)}`);
