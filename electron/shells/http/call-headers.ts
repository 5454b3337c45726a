import type { IncomingMessage } from 'node:http';

const MAX_HANDLE = 100;
const MAX_DESK_NAME = 40;

/** The session handle a desk sends in x-archive-session (a header, never a cookie: no CSRF); null if none or too long. */
export function sessionHeader(req: IncomingMessage): string | null {
  const value = req.headers['x-archive-session'];
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_HANDLE ? value : null;
}

/** The name a desk gives itself (x-archive-desk, URI-encoded so it can be Chinese): for the audit and the session list only. */
export function deskName(req: IncomingMessage): string | null {
  const value = req.headers['x-archive-desk'];
  if (typeof value !== 'string') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  const name = decoded.replace(/\p{Cc}/gu, '').trim();
  return name.length > 0 && [...name].length <= MAX_DESK_NAME ? name : null;
}

/** Whether the body is declared JSON: the one type a browser cannot send across sites without asking first. */
export function isJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
