import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppErrorPayload } from '../../core/contract/errors';
import { badRequest, refuse } from './answer';

/**
 * A request the HTTP parser refused (bad syntax, headers too large) or one too slow: a typed answer,
 * on the response under way if there is one, else written on the socket; then the socket closes.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const pending = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const error: AppErrorPayload = status === 431 ? { code: 'PAYLOAD_TOO_LARGE' } : badRequest(status === 408 ? 'v.timeout' : 'v.request');
  if (pending) {
    refuse(pending, status, error, { connection: 'close' });
    return;
  }
  const body = JSON.stringify({ ok: false, error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncache-control: no-store\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
