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
export const password = z.string().min(10, { error: 'v.passwordLength' }).max(200);
export const username = text(40).regex(/^[A-Za-z0-9_.-]{2,40}$/, { error: 'v.username' });
export const year = z.number().int().min(1900).max(2200).nullable();
export const listLimit = z.number().int().min(1).max(200).default(50);
export const empty = z.object({}).strict();
