import { z } from 'zod';
import { visibleText } from './invisible';
import './issue-messages';

/**
 * Field builders shared by every feature's schemas. Every string has a length cap, so a 10 MB
 * payload fails validation before it reaches a service. Custom messages are i18n keys (v.*).
 */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => text(max).min(1, { error: 'v.required' });
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoDate = z.iso.date({ error: 'v.date' });
export const optionalDate = isoDate.nullable();
/** A calendar month, 2026-03: twelve of them, so 2026-13 is refused. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'v.month' });
/** What people put between a phone number's digits, and the ' a spreadsheet's formula guard (ours too) puts before a +. */
const PHONE_MARKS = /^'|[\s\-().]/g;
/** A phone number as stored: digits with an optional leading +, however the form or the cell wrote it (full-width digits included). */
export const cleanPhone = (raw: string): string => visibleText(raw).trim().replace(PHONE_MARKS, '');
export const phone = z
  .string()
  .max(30)
  .transform((raw, ctx) => {
    const cleaned = cleanPhone(raw);
    if (!/^\+?\d*$/.test(cleaned)) ctx.issues.push({ code: 'custom', input: raw, message: 'v.phone' });
    return cleaned;
  });
export const requiredPhone = phone.refine((p) => p !== '', { error: 'v.required' });
/**
 * A number in China a borrower can ring: a mobile (13800001111), or a landline with its area code
 * (057188881234, 01088881234), either with +86 before it; blank when not given.
 */
export const chinaPhone = phone.refine((p) => p === '' || /^(?:(?:\+?86)?1[3-9]\d{9}|(?:0|\+?860?)[1-9]\d{1,2}[2-9]\d{6,7})$/.test(p), {
  error: 'v.chinaPhone',
});
export const password = z.string().min(10, { error: 'v.passwordLength' }).max(200);
export const username = text(40).regex(/^[A-Za-z0-9_.-]{2,40}$/, { error: 'v.username' });
export const year = z.number().int().min(1900).max(2200).nullable();
export const listLimit = z.number().int().min(1).max(200).default(50);
export const empty = z.object({}).strict();
