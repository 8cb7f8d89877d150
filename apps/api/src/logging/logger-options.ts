import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Params } from 'nestjs-pino';

import { AppConfig } from '../config/app.config';

/**
 * Structured request logs (pino). Headers and bodies are never logged: cookies, CSRF tokens and
 * passwords travel there. URLs are logged without their query string, and path segments that
 * carry a token (reset links, later issues) are masked.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.server.logLevel,
      serializers: {
        req: (request: IncomingMessage & { id?: unknown }) => ({
          id: request.id,
          method: request.method,
          url: maskUrl(request.url ?? ''),
          remoteAddress: request.socket?.remoteAddress,
        }),
        res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers', 'req.body'], censor: '[redacted]' },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (request) => request.url === '/api/health' },
    },
  };
}

const TOKEN_SEGMENT = /(\/(?:reset|token|tokens|view-once|reveal)\/)[^/?#]+/gi;

export function maskUrl(url: string): string {
  const path = url.split('?')[0];
  return path.replace(TOKEN_SEGMENT, '$1[redacted]');
}
