import { z } from 'zod';
import { BOX_KINDS, ROLES } from '../enums';
import type { UserRow } from '../../../db/schema';
import { call } from './define';
import type { AppErrorPayload } from './errors';
import { chinaPhone, empty, password, requiredText, text, username } from './fields';
import { personName } from './person-names';

export const APP_STATES = ['setup', 'locked', 'ready', 'fault'] as const;

export type PublicUser = Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'disabled' | 'mustChangePassword' | 'lockedUntil' | 'createdAt'>;
/** An active account as the lending desk may pick it as a borrower: who, not how they sign in. */
export type DirectoryUser = Pick<UserRow, 'id' | 'username' | 'displayName' | 'role'>;

export interface AppStatus {
  state: (typeof APP_STATES)[number];
  siteName: string | null;
  /** Why a passphrase is asked for: the OS keychain could not unwrap the key on this machine. */
  lockedReason: 'keystore' | null;
  /** In state 'fault' only: what keeps the archive from opening, with the paths involved. */
  fault?: AppErrorPayload;
}

export const passphrase = z.string().min(12, { error: 'v.passphraseLength' }).max(500);

export const setupInput = z
  .object({
    siteName: requiredText(100),
    admin: z.object({ username, displayName: personName(40), password }).strict(),
    passphrase,
    passphraseConfirm: z.string().max(500),
  })
  .strict()
  .refine((v) => v.passphrase === v.passphraseConfirm, { error: 'v.passphraseMismatch', path: ['passphraseConfirm'] });

export const loginInput = z
  .object({ username: text(40).min(1, { error: 'v.required' }), password: z.string().min(1, { error: 'v.required' }).max(200) })
  .strict();

/** Exactly one sequence field, and nothing a barcode scanner or the code field would refuse. */
const codePattern = requiredText(60).refine(
  (p) => (p.match(/\{#+\}/g) ?? []).length === 1 && /^[A-Za-z0-9_\-./]*$/.test(p.replace(/\{(KIND|YYYY|YY|#+)\}/g, '')),
  { error: 'v.codePattern' },
);
const kindPrefix = text(8).regex(/^[A-Z0-9]*$/, { error: 'v.kindPrefix' });

export const settingsSchema = z.object({
  siteName: requiredText(100),
  codePattern,
  kindPrefixes: z.object(Object.fromEntries(BOX_KINDS.map((k) => [k, kindPrefix])) as Record<(typeof BOX_KINDS)[number], typeof kindPrefix>).strict(),
  idleMinutes: z.number().int().min(1).max(240),
  /** Renewals a loan may have (approved or pending), §4.6.4. */
  maxRenewals: z.number().int().min(0).max(10),
  /** 值班电话: the archive desk's number, printed on the 催还通知单; blank until set. */
  deskPhone: chinaPhone,
});
export type Settings = z.infer<typeof settingsSchema>;

export const userCreateInput = z.object({ username, displayName: personName(40), role: z.enum(ROLES), password }).strict();
/** mustChangePassword: the admin can make a user choose a new password at the next sign-in; absent leaves it. */
export const userUpdateInput = z
  .object({
    id: z.number().int().positive(),
    displayName: personName(40),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    mustChangePassword: z.boolean().optional(),
  })
  .strict();
export const userResetPasswordInput = z.object({ id: z.number().int().positive(), password }).strict();
export const passwordChangeInput = z
  .object({ current: z.string().min(1, { error: 'v.required' }).max(200), next: password, nextConfirm: z.string().max(200) })
  .strict()
  .refine((v) => v.next === v.nextConfirm, { error: 'v.passwordMismatch', path: ['nextConfirm'] })
  // A forced change must end the old password; scrypt compares passwords in NFC, and so does this.
  .refine((v) => v.next.normalize('NFC') !== v.current.normalize('NFC'), { error: 'v.passwordUnchanged', path: ['next'] });

/** All a user with an initial or reset password may do until they choose their own. */
export const CALLS_BEFORE_PASSWORD_CHANGE: readonly string[] = ['session-current', 'session-logout', 'session-change-password'];

/**
 * What only the archive PC's own window may do: set the archive up, open it with the recovery
 * passphrase, restore it from a backup, make this PC a desk elsewhere. A desk on the network is
 * refused (HOST_LOCAL_ONLY): whoever reaches the host's port must not be the one to create or
 * replace its archive, nor quit it to install an update.
 */
export const CALLS_AT_HOST_ONLY: readonly string[] = ['app-setup', 'app-unlock', 'app-restore', 'client-probe', 'client-connect', 'update-install'];

export const appCalls = {
  'app-status': call<AppStatus>()({ input: empty, access: 'public', reads: ['app', 'settings'] }),
  'app-setup': call<AppStatus>()({ input: setupInput, access: 'public', changes: ['app', 'settings', 'user'] }),
  'app-unlock': call<AppStatus>()({
    input: z.object({ passphrase: z.string().min(1, { error: 'v.required' }).max(500) }).strict(),
    access: 'public',
    changes: ['app'],
  }),
  'session-login': call<{ handle: string; user: PublicUser }>()({ input: loginInput, access: 'public', changes: ['session'] }),
  'session-current': call<PublicUser | null>()({ input: empty, access: 'public', reads: ['session'] }),
  'session-logout': call<null>()({ input: empty, access: 'signed-in', changes: ['session'] }),
  'session-change-password': call<null>()({ input: passwordChangeInput, access: 'signed-in', changes: ['session', 'user'] }),
  'settings-get': call<Settings>()({ input: empty, access: 'signed-in', reads: ['settings'] }),
  'settings-update': call<Settings>()({ input: settingsSchema.strict(), access: ['admin'], changes: ['settings'] }),
  'user-list': call<PublicUser[]>()({ input: empty, access: ['admin'], reads: ['user'] }),
  'user-directory': call<DirectoryUser[]>()({ input: empty, access: ['clerk', 'custodian', 'manager', 'admin'], reads: ['user'] }),
  'user-create': call<PublicUser>()({ input: userCreateInput, access: ['admin'], changes: ['user'] }),
  'user-update': call<PublicUser>()({ input: userUpdateInput, access: ['admin'], changes: ['user'] }),
  'user-reset-password': call<PublicUser>()({ input: userResetPasswordInput, access: ['admin'], changes: ['user'] }),
};
