import { mkdtempSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import express from 'express';
import { pinoHttp } from 'pino-http';
import { afterEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../config/app.config';
import { loggerOptions } from './logger-options';
import { requestLog } from './request-log';

interface LogLine {
  level: number;
  msg: string;
  responseTime: number;
  req: { id: number; method: string; url: string; remoteAddress?: string };
  res: { statusCode: number };
}

/** An Express app logging through the logger the api builds from LOG_LEVEL; answers its url and the lines. */
async function serve(logLevel: string) {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'keydesk-log-')), LOG_LEVEL: logLevel });
  const { logger } = pinoHttp(loggerOptions(config).pinoHttp as object, sink);
  const app = express();
  app.use(requestLog(logger, (request) => request.url === '/api/health'));
  app.get('/api/health', (_request, response) => void response.json({ ok: true }));
  app.get('/ok', (_request, response) => void response.json({ ok: true }));
  app.get('/account/password/reset/:token', (_request, response) => void response.status(410).send('gone'));
  app.get('/boom', (_request, response) => void response.status(500).send('failed'));
  app.get('/hang', (request) => request.socket.destroy());
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  stop = () => new Promise((resolve) => server.close(resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  return { url, lines, settle };
}

let stop: (() => Promise<unknown>) | undefined;
afterEach(async () => stop?.());

describe('requestLog', () => {
  it('writes one line per request at info, with the level of its status and no secret of its url', async () => {
    const { url, lines, settle } = await serve('info');
    await fetch(`${url}/ok?password=hunter2`);
    await fetch(`${url}/account/password/reset/SECRET-TOKEN?x=1`);
    await fetch(`${url}/boom`);
    await fetch(`${url}/api/health`);
    await settle();
    expect(lines.map((line) => [line.level, line.req.method, line.req.url, line.res.statusCode, line.msg])).toEqual([
      [30, 'GET', '/ok', 200, 'request completed'],
      [40, 'GET', '/account/password/reset/[redacted]', 410, 'request completed'],
      [50, 'GET', '/boom', 500, 'request completed'],
    ]);
    expect(lines[0].req.remoteAddress).toMatch(/127\.0\.0\.1/);
    expect(lines.map((line) => line.req.id)).toEqual([1, 2, 3]); // the health check took no number
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|SECRET-TOKEN|headers/);
  });

  it('at warn, logs the failures only, and an answer the client never got as an error', async () => {
    const { url, lines, settle } = await serve('warn');
    await fetch(`${url}/ok`);
    await fetch(`${url}/account/password/reset/SECRET-TOKEN`);
    await fetch(`${url}/hang`).catch(() => null);
    await settle();
    expect(lines.map((line) => [line.level, line.req.url, line.msg])).toEqual([
      [40, '/account/password/reset/[redacted]', 'request completed'],
      [50, '/hang', 'request aborted'],
    ]);
  });
});
