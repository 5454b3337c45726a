import { X509Certificate } from 'node:crypto';
import type { ClientConnectInput } from '../../core/contract/client';

/** Chromium's answers to a certificate check: accept, refuse, or its own verdict. */
export const VERIFY = { accept: 0, refuse: -2, chromium: -3 } as const;

const fingerprintOf = (pem: string): string | null => {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
};

/**
 * The host's certificate is trusted exactly as the user compared it at the first connection: the
 * same host with any other certificate is refused (and reported), other hosts get Chromium's check.
 */
export function pinnedVerifier(config: ClientConnectInput, refused: (fingerprint: string | null) => void) {
  const host = new URL(config.url).hostname;
  return (request: { hostname: string; certificate: { data: string } }, callback: (verdict: number) => void) => {
    if (request.hostname !== host) return callback(VERIFY.chromium);
    const seen = fingerprintOf(request.certificate.data);
    if (seen === config.fingerprint) return callback(VERIFY.accept);
    refused(seen);
    callback(VERIFY.refuse);
  };
}

/** Why the host's page did not load, in the words the dialog uses. */
export function loadFailure(changedTo: string | null | undefined, url: string): { message: string; detail: string } {
  if (changedTo !== undefined)
    return {
      message: '档案主机的证书已更改，未连接',
      detail: `${url} 出示的证书（指纹 ${changedTo ?? '无法读取'}）与第一次连接时核对的不同。可能主机更换了证书，也可能有人冒充档案主机。请与管理员核对主机“系统设置 → 网络共享”中的指纹；确认无误后选“断开此主机”，再重新连接。\n\nThe archive host shows another certificate than the one compared at the first connection.`,
    };
  return {
    message: '无法连接档案主机',
    detail: `${url} 没有应答。请确认档案主机已开机、已开启网络共享，并且本电脑连在办公网络上。\n\nThe archive host does not answer: check that it is on, in host mode, and that this PC is on the office network.`,
  };
}
