import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** On every answer, before anything else is decided: no framing, no referrer leaving the app. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
}

/** The built renderer under its CSP; a path that is not a file there is a plain 404. */
export function rendererAssets(rendererDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const assets = sirv(rendererDir, { dev: false, etag: true, setHeaders: (res) => res.setHeader('content-security-policy', CSP) });
  return (req, res) =>
    assets(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
}
