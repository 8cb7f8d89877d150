import type { Params } from 'nestjs-pino';
import type { DestinationStream, SerializedRequest, SerializedResponse } from 'pino';
import type { Options } from 'pino-http';

import { AppConfig } from '../config/app.config';

/**
 * Structured request logs (pino). Headers and bodies are never logged: cookies, CSRF tokens and
 * passwords travel there. URLs are logged without their query string, and path segments that
 * carry a token (reset links, later issues) are masked.
 */
export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options: Options = {
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
      err: serializeError,
    },
    redact: { paths: ['req.headers', 'res.headers', 'req.body'], censor: '[redacted]' },
  };
  return {
    // A destination other than stdout: the tests that read what was logged.
    pinoHttp: destination ? [options, destination] : options,
    // No per-request middleware of nestjs-pino's: requestLog (configure-app.ts) writes the request
    // lines through the same logger, cheaper; the Nest logger still goes through pino.
    forRoutes: [],
  };
}

const TOKEN_SEGMENT = /(\/(?:reset|token|tokens|view-once|reveal|report)\/)[^/?#\s"']+/gi;
/** A query string wherever it appears in a text (a url in an error message): it may carry anything. */
const QUERY = /\?[^\s"']*/g;

export function maskUrl(url: string): string {
  const path = url.split('?')[0];
  return path.replace(TOKEN_SEGMENT, '$1[redacted]');
}

/** Urls inside free text (an error's message or stack) masked as maskUrl masks the request line's. */
export function maskText(text: string): string {
  return text.replace(TOKEN_SEGMENT, '$1[redacted]').replace(QUERY, '?[redacted]');
}

/**
 * Errors as their type, code, message and stack only, urls in them masked. pino's own serializer
 * copies every field of an error, and TypeORM's carry the statement's parameters (password
 * hashes, token hashes, whatever a request sent).
 */
function serializeError(error: { type?: string; name?: string; code?: unknown; message?: string; stack?: string }) {
  return {
    type: error.type ?? error.name,
    code: typeof error.code === 'string' || typeof error.code === 'number' ? error.code : undefined,
    message: maskText(String(error.message ?? '')),
    stack: error.stack === undefined ? undefined : maskText(error.stack),
  };
}
