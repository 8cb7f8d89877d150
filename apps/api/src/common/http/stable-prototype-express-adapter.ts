import { createServer, IncomingMessage, ServerResponse } from 'node:http';

import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * Express as Nest runs it, with requests and responses born with Express's prototypes.
 *
 * Express hands every request and response its app's prototypes (app.request, app.response) with
 * Object.setPrototypeOf. V8 pays for a changed prototype far beyond the call: measured on this
 * stack (Node 20, Express 5), each minor GC then promoted about 3 MB of request objects to the old
 * generation and paused 8–10 ms, where plain node:http promoted nothing and paused 0.3 ms; a bare
 * Express route answered 4× fewer requests per second (nodejs/node#37457, expressjs/express#5998).
 *
 * Here the http server builds requests and responses from subclasses whose prototypes then
 * become app.request and app.response (each chaining to Express's own), so the setPrototypeOf in
 * Express's app.handle finds the prototype already in place and changes nothing. Only the plain
 * http server is built this way; with https or connection tracking, Nest builds its own.
 */
export class StablePrototypeExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // Nest's own adapter allows for no options at all.
    if (options?.httpsOptions || options?.forceCloseConnections || options?.return503OnClosing) {
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    this.setHttpServer(createServer(adoptPrototypes(app), app));
  }
}

/** Request and response classes whose instances already have `app`'s request and response prototypes. */
function adoptPrototypes(app: Express): {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
} {
  class KeydeskRequest extends IncomingMessage {}
  class KeydeskResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {}
  // Once at start-up, on the classes' own prototype objects rather than on every request.
  Object.setPrototypeOf(KeydeskRequest.prototype, app.request);
  Object.setPrototypeOf(KeydeskResponse.prototype, app.response);
  app.request = KeydeskRequest.prototype as Express['request'];
  app.response = KeydeskResponse.prototype as unknown as Express['response'];
  return { IncomingMessage: KeydeskRequest, ServerResponse: KeydeskResponse };
}
