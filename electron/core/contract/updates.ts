import { z } from 'zod';
import { call } from './define';
import { empty } from './fields';

/**
 * 软件更新 (issue #16): the office's own release folder, or its archive host, is where new
 * versions come from; the Internet never is. The source is kept with the archive's settings, set
 * by an administrator; the desktop shell checks it at start and when asked, downloads what it
 * finds and installs it only once someone at the PC agreed.
 */

/** A Windows drive path (D:\updates), a UNC share (\\server\share\ArchiveDeskUpdates), or an absolute POSIX path. */
const ABSOLUTE_FOLDER = /^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+|\/)/;

export const updateFolder = z
  .string()
  .trim()
  .min(1, { error: 'v.required', abort: true })
  .max(260)
  .refine((path) => ABSOLUTE_FOLDER.test(path) && !path.includes('\0'), { error: 'v.updateFolder' });

/** The archive host's address as its desks type it: HTTPS only, since the installer comes over the office network. */
export const updateHostUrl = z
  .string()
  .trim()
  .min(1, { error: 'v.required', abort: true })
  .max(300)
  .pipe(z.url({ protocol: /^https$/, error: 'v.updateHostUrl' }))
  // Only the host's address: no account in it, no query, no fragment.
  .refine((url) => !/[@?#]/.test(url), { error: 'v.updateHostUrl' });

export const updateSourceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('folder'), path: updateFolder }).strict(),
  z.object({ kind: z.literal('host'), url: updateHostUrl }).strict(),
]);
export type UpdateSource = z.infer<typeof updateSourceInput>;
export const UPDATE_SOURCE_NONE: UpdateSource = { kind: 'none' };

export const UPDATE_PHASES = ['idle', 'checking', 'up-to-date', 'downloading', 'downloaded', 'error'] as const;

/** What the shell's updater knows: the running version and how the last check went. */
export interface UpdaterState {
  /** The version running now; null where the shell has no updater (the web shell). */
  currentVersion: string | null;
  phase: (typeof UPDATE_PHASES)[number];
  /** When the last check ended (ISO), or null: none yet. */
  checkedAt: string | null;
  /** The version found (downloading or downloaded). */
  version: string | null;
  /** Why the last check or download failed: an error code (UPDATE_*). */
  error: string | null;
  /** Someone at this PC agreed: it installs when the app quits. */
  agreed: boolean;
}

export interface UpdateStatus extends UpdaterState {
  /** Whether this shell can update itself at all (the desktop app). */
  available: boolean;
  source: UpdateSource;
  /** 退出并安装 was chosen while a backup, export or import runs: it installs once that ends. */
  waitingForWork: boolean;
}

export const updateInstallInput = z.object({ when: z.enum(['now', 'quit']) }).strict();

export const updateCalls = {
  // Anyone signed in sees the prompt and may agree: the person at the PC is the one it quits under.
  'update-status': call<UpdateStatus>()({ input: empty, access: 'signed-in', reads: ['settings', 'update'] }),
  'update-source-set': call<UpdateStatus>()({ input: updateSourceInput, access: ['admin'], changes: ['settings', 'update'] }),
  'update-check': call<UpdateStatus>()({ input: empty, access: ['admin'], changes: ['update'] }),
  'update-install': call<UpdateStatus>()({ input: updateInstallInput, access: 'signed-in', changes: ['update'] }),
};
