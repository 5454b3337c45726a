/** The port a host is on unless the address says otherwise: what 网络共享 offers first. */
export const DEFAULT_HOST_PORT = 8443;

/**
 * What the user typed (192.168.1.10, 192.168.1.10:8443, https://档案主机:8443/…) as the host's
 * address: https, the default port when none is given, no path; null for anything else.
 */
export function hostUrlOf(typed: string): string | null {
  const text = typed.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^https:\/\//i.test(text)) return null;
  try {
    const url = new URL(/^https:\/\//i.test(text) ? text : `https://${text}`);
    if (url.username || url.password || !url.hostname) return null;
    return `https://${url.hostname}:${url.port || DEFAULT_HOST_PORT}/`;
  } catch {
    return null;
  }
}
