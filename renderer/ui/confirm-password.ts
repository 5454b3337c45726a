import { z } from 'zod';

/*
 * A client-only "type it again" field for a contract schema that has a `password`, whose rules
 * stay the contract's:
 *   schema.safeExtend(passwordConfirmShape).refine(passwordsMatch, PASSWORD_MISMATCH)
 * Strip `passwordConfirm` before calling the server: the contract schemas are strict.
 */
export const passwordConfirmShape = { passwordConfirm: z.string().max(200) };

export const passwordsMatch = (v: { password: string; passwordConfirm: string }) => v.password === v.passwordConfirm;

export const PASSWORD_MISMATCH = { error: 'v.passwordMismatch', path: ['passwordConfirm'] };
