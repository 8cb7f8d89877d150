import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** The level of a finished request's line, as pino-http chose it. */
function levelOf(response: Response): 'error' | 'warn' | 'info' {
  if (!response.writableFinished || response.statusCode >= 500) return 'error';
  return response.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * One line per request, as pino-http wrote it ({ req, res, responseTime }, with the serializers
 * and redaction of loggerOptions), at a fraction of its cost: pino-http built a child logger for
 * every request, serializing and redacting the request up front even when its line was then below
 * LOG_LEVEL, and nestjs-pino ran the rest of the request in an AsyncLocalStorage scope for it
 * (together about a quarter of the api's CPU per request on the 2-core bench machine). Here
 * nothing is built until the response is done, and only when its level is logged.
 */
export function requestLog(logger: Logger, ignore: (request: Request) => boolean) {
  let lastId = 0;
  return (request: Request, response: Response, next: NextFunction): void => {
    if (ignore(request)) return next();
    const id = (lastId += 1);
    const startedAt = Date.now();
    // Read now: net.Socket keeps the peer's address once asked, and a closed socket no longer knows it.
    void request.socket.remoteAddress;
    // 'close' comes after 'finish', and alone when the client went away before the answer.
    response.once('close', () => {
      const level = levelOf(response);
      if (!logger.isLevelEnabled(level)) return;
      Object.assign(request, { id });
      const line = { req: request, res: response, responseTime: Date.now() - startedAt };
      logger[level](line, response.writableFinished ? 'request completed' : 'request aborted');
    });
    next();
  };
}
