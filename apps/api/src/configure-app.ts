import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger, PinoLogger } from 'nestjs-pino';

import { checkJsonBody } from './common/http/json-input';
import { createOpenApiDocument } from './common/openapi/openapi-document';
import { AppConfig } from './config/app.config';
import { QuietStartupLogger } from './logging/quiet-startup-logger';
import { requestLog } from './logging/request-log';
import { ApiTokenMiddleware } from './modules/api-tokens/api-token.middleware';
import { StaffSessionMiddleware } from './modules/auth/staff-session.middleware';

/** Everything between the socket and the controllers; shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(new QuietStartupLogger(app.get(Logger)));
  // First, so that a request refused by any later middleware is logged too.
  app.use(requestLog(PinoLogger.root, (request) => request.url === '/api/health'));
  app.set('trust proxy', config.server.trustProxy);
  app.disable('x-powered-by');
  app.use(helmet());
  // API answers carry customers' and staff members' data: no browser or proxy may keep them
  // (OWASP REST Security Cheat Sheet, ASVS 4.0.3 8.2.1). Nothing revalidates a no-store answer,
  // so no ETag either: Express would otherwise hash every body for one.
  app.set('etag', false);
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Room for a 20,000-character ticket reply in any script (up to 4 bytes a character).
  app.use('/api', express.json({ limit: '100kb' }), checkJsonBody);
  // The staff session, where staff work: the API and the development mailbox (the client area has
  // its own); or, on the API, an integration's token instead of any cookie.
  const staffSession = app.get(StaffSessionMiddleware);
  const apiToken = app.get(ApiTokenMiddleware);
  app.use('/api', (request: Request, response: Response, next: NextFunction) =>
    request.header('authorization') === undefined
      ? void staffSession.use(request, response, next)
      : void apiToken.use(request, response, next),
  );
  app.use(
    '/dev',
    (request: Request, response: Response, next: NextFunction) => void staffSession.use(request, response, next),
  );
  setUpOpenApi(app);
  serveAdminUi(app, config.server.adminDistDir);
}

function setUpOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app));
}

/** The react-admin build at /, with client-side routes falling back to index.html. */
function serveAdminUi(app: NestExpressApplication, distDir: string): void {
  const index = join(distDir, 'index.html');
  const assets = express.static(distDir, { index: false, maxAge: '1h' });
  // Not for API calls: serve-static would look for a file (a stat) on every one of them.
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path.startsWith('/api/') ? next() : assets(request, response, next),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || /^\/(api|dev|account)(\/|$)/.test(request.path) || !request.accepts('html'))
      return next();
    if (!existsSync(index)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
