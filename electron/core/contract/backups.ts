import { z } from 'zod';
import { passphrase } from './app';
import { call } from './define';
import { empty, requiredText } from './fields';

/** A folder or backup file on the machine running the app (a USB drive, a second disk). */
const absolutePath = requiredText(500).refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), { error: 'v.absolutePath' });

export const backupSettingsSchema = z
  .object({
    folders: z.array(absolutePath).max(5),
    /** Backups kept per folder; older ones are deleted after a good new one. */
    keep: z.number().int().min(1).max(365),
    /** Local time of the daily backup; null: none. */
    dailyAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'v.time' })
      .nullable(),
    /** Back up when the app closes if there is no good backup today. */
    onClose: z.boolean(),
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export type TableCounts = Record<string, number>;

/** What a backup carries beside it, as `<backup>.json`. */
export interface BackupManifest {
  format: 'archive-desk-backup';
  version: 1;
  createdAt: string;
  appVersion: string;
  /** drizzle's stamp of the last migration applied: a restore refuses a newer one. */
  migration: number | null;
  siteName: string;
  counts: TableCounts;
  /** The audit chain as it stood in the backup: a restored copy is checked against it. */
  audit: { entries: number; headHash: string };
  /** The database key wrapped under the recovery passphrase (never the machine-wrapped one). */
  recovery: unknown;
}

export interface BackupFile {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

export interface FolderStatus {
  folder: string;
  lastGood: { at: string; file: string } | null;
  lastError: { at: string; code: string } | null;
}

/** Temporary files of interrupted backups removed from a folder: their names and total size. */
export interface CleanedUp {
  files: string[];
  bytes: number;
}

export interface BackupResult {
  folder: string;
  ok: boolean;
  file: string | null;
  error: string | null;
  cleanedUp: CleanedUp;
}

export interface BackupOverview {
  settings: BackupSettings;
  folders: FolderStatus[];
  /** Newest good backup in any folder; null: never. */
  lastGoodAt: string | null;
  /** No good backup for 7 days (or never, once the archive holds anything). */
  overdue: boolean;
}

export interface BackupInspection {
  file: string;
  manifest: Pick<BackupManifest, 'createdAt' | 'appVersion' | 'siteName' | 'counts' | 'audit'>;
  /** The backup opens with this install's key; otherwise the recovery passphrase is needed. */
  sameKey: boolean;
}

/** The long job on the archive running now (one at a time), for the screens to show and wait for. */
export interface JobStatus {
  running: {
    job: 'backup' | 'rekey' | 'restore';
    startedAt: string;
    /**
     * Getting ready, checking a backup (a restore's first step), copying (a backup's VACUUM INTO,
     * a re-key's copy, a restore's copy of the backup), re-keying the copy, checking the copy.
     */
    phase: 'prepare' | 'check' | 'copy' | 'rekey' | 'verify';
    folder: string | null;
    /** 0-based, of folderCount. */
    folderIndex: number;
    folderCount: number;
    /** The copy being written: bytes written of its whole (a backup's check: all of it); 0 of 0 in a step that writes no file. */
    doneBytes: number;
    totalBytes: number;
  } | null;
}

export const backupFileInput = z.object({ file: absolutePath }).strict();
export const backupRestoreInput = z.object({ file: absolutePath, passphrase: z.string().max(500).optional(), confirm: z.literal(true) }).strict();
export const passphraseChangeInput = z
  .object({ current: z.string().min(1, { error: 'v.required' }).max(500), next: passphrase, nextConfirm: z.string().max(500) })
  .strict()
  .refine((v) => v.next === v.nextConfirm, { error: 'v.passphraseMismatch', path: ['nextConfirm'] });
export const rekeyInput = z.object({ passphrase: z.string().min(1, { error: 'v.required' }).max(500), confirm: z.literal(true) }).strict();
/** New PC: the app is not set up yet, and a backup with its passphrase becomes the archive. */
export const restoreAtSetupInput = z.object({ file: absolutePath, passphrase: z.string().min(1, { error: 'v.required' }).max(500) }).strict();

const custodians = ['admin', 'custodian'] as const;
/** The key and its recovery passphrase are the admin's alone (domain: admin holds "settings, keys"). */
const adminOnly = ['admin'] as const;

export const backupCalls = {
  'backup-overview': call<BackupOverview>()({ input: empty, access: ['admin', 'custodian', 'manager'], reads: ['backup'] }),
  'backup-settings-update': call<BackupSettings>()({ input: backupSettingsSchema, access: custodians, changes: ['backup'] }),
  'backup-run': call<BackupResult[]>()({ input: empty, access: custodians, changes: ['backup'] }),
  'job-status': call<JobStatus>()({ input: empty, access: ['admin', 'custodian', 'manager'], reads: ['backup'] }),
  'backup-list': call<BackupFile[]>()({ input: z.object({ folder: absolutePath }).strict(), access: custodians, reads: ['backup'] }),
  'backup-inspect': call<BackupInspection>()({ input: backupFileInput, access: custodians, reads: ['backup'] }),
  'backup-restore': call<null>()({
    input: backupRestoreInput,
    access: custodians,
    changes: ['app', 'session', 'settings', 'user', 'owner', 'box', 'loan', 'incident', 'transfer', 'hold', 'destruction', 'inspection', 'backup', 'import'],
  }),
  'passphrase-change': call<null>()({ input: passphraseChangeInput, access: adminOnly, changes: ['app'] }),
  'database-rekey': call<null>()({ input: rekeyInput, access: adminOnly, changes: ['app', 'backup'] }),
  'app-restore': call<null>()({
    input: restoreAtSetupInput,
    access: 'public',
    changes: ['app', 'session', 'settings', 'user', 'owner', 'box', 'loan', 'incident', 'transfer', 'hold', 'destruction', 'inspection', 'backup', 'import'],
  }),
};
