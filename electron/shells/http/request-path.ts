/**
 * The path of an origin-form target (`/…`, dot segments resolved) and its decoded form; null for
 * any other form (absolute, `*`, `//host`), a malformed escape, or a `..`, backslash or NUL once decoded.
 */
export function requestPath(target: string | undefined): { path: string; decoded: string } | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  try {
    // The base only lets URL resolve the path; its host is never read.
    const path = new URL(target, 'http://127.0.0.1').pathname;
    const decoded = decodeURIComponent(path);
    return /(^|\/)\.\.(\/|$)|[\\\0]/.test(decoded) ? null : { path, decoded };
  } catch {
    return null;
  }
}
