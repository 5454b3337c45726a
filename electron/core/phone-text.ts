/**
 * A stored phone (digits, contract/fields.ts cleanPhone) as people write it, on screens and forms:
 * 138 0000 1111, 0571-88881234, +86 138 0000 1111; anything else as stored.
 */
export function phoneText(stored: string): string {
  const intl = /^\+?86(?=1\d{10}$|0?[1-9]\d{8,10}$)/.exec(stored)?.[0] ?? '';
  const rest = stored.slice(intl.length);
  const prefix = intl ? '+86 ' : '';
  if (/^1\d{10}$/.test(rest)) return `${prefix}${rest.slice(0, 3)} ${rest.slice(3, 7)} ${rest.slice(7)}`;
  // 010 and 02x are the three-digit area codes; the rest have four.
  const local = intl ? rest.replace(/^0?/, '0') : rest;
  const area = /^0(?:10|2\d)/.test(local) ? 3 : 4;
  if (/^0\d{9,11}$/.test(local)) return `${intl ? `+86 ${local.slice(1, area)}` : local.slice(0, area)}-${local.slice(area)}`;
  return stored;
}
