import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { StablePrototypeExpressAdapter } from './stable-prototype-express-adapter';

const setPrototypeOf = Object.setPrototypeOf;

/** Serves a route through the adapter's own server; answers its url and how many requests and responses had their prototype changed. */
async function serve(adapter: ExpressAdapter) {
  adapter.initHttpServer({});
  const app = adapter.getInstance<Express>();
  app.get('/echo', (request, response) => {
    response
      .set('X-Echo', String(request.query.q))
      .json({ q: request.query.q, host: request.get('host'), protocol: request.protocol });
  });
  const server = adapter.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stop = () => new Promise((resolve) => server.close(resolve));
  const changed = { requests: 0, responses: 0 };
  vi.spyOn(Object, 'setPrototypeOf').mockImplementation((target: object, prototype: object | null) => {
    if (Object.getPrototypeOf(target) !== prototype) {
      if (target instanceof IncomingMessage) changed.requests += 1;
      if (target instanceof ServerResponse) changed.responses += 1;
    }
    return setPrototypeOf(target, prototype);
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, changed };
}

let stop: () => Promise<unknown> = async () => undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await stop();
});

describe('StablePrototypeExpressAdapter', () => {
  it("answers through Express's request and response methods", async () => {
    const { url } = await serve(new StablePrototypeExpressAdapter());
    const response = await fetch(`${url}/echo?q=contraseña`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-echo')).toBe('contraseña');
    expect(await response.json()).toEqual({ q: 'contraseña', host: new URL(url).host, protocol: 'http' });
  });

  it('leaves every request and response with the prototype it was born with', async () => {
    const { url, changed } = await serve(new StablePrototypeExpressAdapter());
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${url}/echo?q=${i}`)).status).toBe(200);
    expect(changed).toEqual({ requests: 0, responses: 0 });
  });

  it("is what saves the change: Nest's own adapter changes both prototypes on every request", async () => {
    const { url, changed } = await serve(new ExpressAdapter());
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${url}/echo?q=${i}`)).status).toBe(200);
    expect(changed).toEqual({ requests: 3, responses: 3 });
  });
});
