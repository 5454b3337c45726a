import { z } from 'zod';

/**
 * Field builders shared by every feature's schemas. Every string has a length cap, so a 10 MB
 * payload fails validation before it reaches a service. Custom messages are i18n keys (v.*).
 */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => text(max).min(1, { error: 'v.required' });
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoDate = z.iso.date({ error: 'v.date' });
export const optionalDate = isoDate.nullable();
export const phone = text(30).regex(/^[0-9+\-() ]*$/, { error: 'v.phone' });
export const password = z.string().min(10, { error: 'v.passwordLength' }).max(200);
export const username = text(40).regex(/^[A-Za-z0-9_.\-]{2,40}$/, { error: 'v.username' });
export const year = z.number().int().min(1900).max(2200).nullable();
export const listLimit = z.number().int().min(1).max(200).default(50);
export const empty = z.object({}).strict();
