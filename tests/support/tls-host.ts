import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface TestCertificate {
  cert: string;
  key: string;
  fingerprint: string;
}

/** A self-signed certificate for `address`, as host mode makes one. */
export async function testCertificate(address = '127.0.0.2'): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'archive-host' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: address }] }],
  });
  return { cert: pems.cert, key: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}

export interface TlsHost {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** An HTTPS server on `address` answering every request with `answer` (status, body). */
export function tlsHost(certificate: TestCertificate, answer: (path: string) => { status: number; body: string }, address = '127.0.0.2'): Promise<TlsHost> {
  const server = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    const { status, body } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, address, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        port,
        url: `https://${address}:${port}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** What an Archive Desk host answers to app-status. */
export const archiveStatus = (siteName: string) => ({ status: 200, body: JSON.stringify({ ok: true, value: { state: 'ready', siteName } }) });
