import type { ServerResponse } from 'node:http';
import type { AppErrorPayload, Result } from '../../core/contract/errors';

/** Serialised before anything is written, so a value JSON cannot hold still ends in a clean 500. */
export function send(res: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}

export const refuse = (res: ServerResponse, status: number, error: AppErrorPayload, headers?: Record<string, string>) =>
  send(res, status, { ok: false, error }, headers);

/** A VALIDATION error about the request itself (not a field of the payload). */
export const badRequest = (message: string): AppErrorPayload => ({ code: 'VALIDATION', issues: [{ path: [], message }] });

/** Whatever went wrong while answering: a 500 if nothing was sent yet, else the connection is cut. */
export function fail(res: ServerResponse, err: unknown, log: (err: unknown) => void): void {
  log(err);
  if (!res.headersSent) refuse(res, 500, { code: 'INTERNAL' });
  else if (!res.writableEnded) res.destroy();
}
