import type { Response } from 'express';

/**
 * Every account page: a link's token or a password may be on it, so nothing caches it and no
 * Referer carries its address elsewhere.
 */
export function sendAccountPage(response: Response, status: number, html: string): void {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.status(status).type('html').send(html);
}
