import type { Params } from 'nestjs-pino';
import type { SerializedRequest, SerializedResponse } from 'pino';

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
        // pino hands these pino-std-serializers' summaries of the request and response, not the
        // node objects: the peer's address is `remoteAddress` there, the url Express's originalUrl.
        req: (request: SerializedRequest) => ({
          id: request.id,
          method: request.method,
          url: maskUrl(request.url ?? ''),
          remoteAddress: request.remoteAddress,
        }),
        res: (response: SerializedResponse) => ({ statusCode: response.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers', 'req.body'], censor: '[redacted]' },
    },
    // No per-request middleware of nestjs-pino's: requestLog (configure-app.ts) writes the request
    // lines through the same logger, cheaper; the Nest logger still goes through pino.
    forRoutes: [],
  };
}

const TOKEN_SEGMENT = /(\/(?:reset|token|tokens|view-once|reveal)\/)[^/?#]+/gi;

export function maskUrl(url: string): string {
  const path = url.split('?')[0];
  return path.replace(TOKEN_SEGMENT, '$1[redacted]');
}
