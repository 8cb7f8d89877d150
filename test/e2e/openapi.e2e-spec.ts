import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { undescribedSuccesses } from '../../apps/api/src/common/openapi/openapi-document';
import { responseProblem } from '../support/response-validation';
import { startTestApp, TestApp } from '../support/test-app';

const root = join(__dirname, '../..');

interface Operation {
  responses: Record<
    string,
    { content?: Record<string, { schema: { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } }> }
  >;
}

// One database is enough: the document is made from the code alone.
describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    document = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('describes the success body of every operation', () => {
    expect(undescribedSuccesses(document as never)).toEqual([]);
  });

  it('describes the refusals of every operation with their codes', () => {
    const undescribed: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item) as Array<[string, Operation]>) {
        operations++;
        const refusals = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
        if (!refusals.some(([status]) => status === '500')) undescribed.push(`${method} ${path} 500`);
        for (const [status, response] of refusals) {
          const codes = response.content?.['application/json']?.schema.allOf?.[1]?.properties?.code?.enum;
          if (!codes?.length) undescribed.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(undescribed).toEqual([]);
  });

  it('passes redocly lint', async () => {
    const dir = join(root, 'test/.artifacts');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const redocly = join(root, 'node_modules/.bin/redocly');
    const { stdout, stderr } = await promisify(execFile)(redocly, ['lint', '--format=stylish', file], {
      cwd: root,
    }).catch((error: { stdout: string; stderr: string }) => ({ ...error, failed: true }));
    expect(`${stdout}\n${stderr}`).toMatch(/Woohoo! Your API description is valid/);
    expect(`${stdout}\n${stderr}`).not.toMatch(/warning/i);
  });

  it('refuses an answer the document does not describe', () => {
    const json = { 'content-type': 'application/json' };
    expect(responseProblem('GET', '/api/health', { status: 418, headers: json, body: {} })).toMatch(
      /does not describe/,
    );
    expect(responseProblem('GET', '/api/health', { status: 200, headers: json, body: { status: 1 } })).toMatch(
      /breaks its schema/,
    );
    expect(responseProblem('GET', '/api/staff', { status: 200, headers: json, body: [] })).toMatch(
      /lacks the Content-Range header/,
    );
    expect(responseProblem('PATCH', '/api/staff', { status: 200, headers: json, body: [] })).toMatch(
      /not in the OpenAPI document/,
    );
  });
});
