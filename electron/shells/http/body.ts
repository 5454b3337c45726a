import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The whole body; null past MAX_BODY_BYTES; rejects if the client goes away before the end. */
export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(null);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => reject(new Error('the client went away before the end of its request')));
  });
}

/** The call's envelope: a JSON object (its payload and handle are the dispatcher's to check). */
export function parseEnvelope(body: Buffer): { payload?: unknown; handle?: unknown } | null {
  try {
    const envelope: unknown = JSON.parse(body.toString('utf8'));
    return typeof envelope === 'object' && envelope !== null && !Array.isArray(envelope) ? envelope : null;
  } catch {
    return null;
  }
}
