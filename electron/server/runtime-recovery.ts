import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AuditEntry } from './services/audit';

/**
 * A restore swaps files: the live database is parked as `archive.db.before-restore-<time>`, then
 * the incoming copy (`archive.db.restoring`) is renamed in. A journal written before the first
 * rename lets the next start finish the swap or undo it, whichever step a crash stopped at.
 */
export interface RestoreJournal {
  /** The backup file being restored. */
  file: string;
  /** Where the live database is parked. */
  aside: string;
  /** The live files (database, -wal, -shm) that existed and are parked. */
  moved: string[];
  /** 'rollback' once the restore itself decided to undo: the start must not complete it. */
  phase: 'swap' | 'rollback';
}

/** What a start found half done and settled, for the audit log once the database is open. */
export type Recovered = AuditEntry;

/** Copies of the database set aside by restores: the newest few are kept, older ones deleted. */
export const KEEP_BEFORE_RESTORE = 3;

const SUFFIXES = ['', '-wal', '-shm'];
export const incomingFile = (db: string) => `${db}.restoring`;
export const rekeyingFile = (db: string) => `${db}.rekeying`;
export const journalFile = (db: string) => `${db}.restore-journal.json`;
export const asideName = (db: string, at: Date) => `${db}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;

function writeJournal(db: string, journal: RestoreJournal): void {
  const tmp = `${journalFile(db)}.tmp`;
  writeFileSync(tmp, JSON.stringify(journal), { mode: 0o600 });
  renameSync(tmp, journalFile(db));
}

function readJournal(db: string): RestoreJournal | null {
  try {
    return JSON.parse(readFileSync(journalFile(db), 'utf8')) as RestoreJournal;
  } catch {
    return null;
  }
}

/** Step 1 of the swap: the journal, then the live files parked. The database must be closed. */
export function parkLive(db: string, file: string, aside: string): RestoreJournal {
  const journal: RestoreJournal = { file, aside, moved: SUFFIXES.map((s) => db + s).filter((f) => existsSync(f)), phase: 'swap' };
  writeJournal(db, journal);
  for (const f of journal.moved) renameSync(f, aside + f.slice(db.length));
  return journal;
}

/** Step 2: the incoming copy becomes the database. */
export function swapIn(db: string): void {
  renameSync(incomingFile(db), db);
}

/** The restore is done and recorded: nothing is left for a start to settle. */
export function finishRestore(db: string): void {
  rmSync(journalFile(db), { force: true });
}

/**
 * Puts the parked database back. What sits at a live name and was not parked belongs to the
 * incoming copy (its -wal above all, which must never be replayed into the old file) and goes.
 */
export function rollBack(db: string, journal: RestoreJournal): void {
  writeJournal(db, { ...journal, phase: 'rollback' });
  for (const suffix of SUFFIXES) {
    const live = db + suffix;
    const parked = journal.aside + suffix;
    if (existsSync(parked)) {
      rmSync(live, { force: true });
      renameSync(parked, live);
    } else if (!journal.moved.includes(live)) rmSync(live, { force: true });
  }
  rmSync(incomingFile(db), { force: true });
  finishRestore(db);
}

/** The copies older restores set aside, oldest first, each with its -wal/-shm. */
function beforeRestoreCopies(db: string): string[] {
  const prefix = `${basename(db)}.before-restore-`;
  return readdirSync(dirname(db))
    .filter((n) => n.startsWith(prefix) && !/-(wal|shm)$/.test(n))
    .sort()
    .map((n) => join(dirname(db), n));
}

/** The copies beyond the newest KEEP_BEFORE_RESTORE, which pruneBeforeRestore deletes. */
export function staleBeforeRestore(db: string): string[] {
  return beforeRestoreCopies(db).slice(0, -KEEP_BEFORE_RESTORE);
}

export function pruneBeforeRestore(copies: string[]): void {
  for (const copy of copies) for (const suffix of SUFFIXES) rmSync(copy + suffix, { force: true });
}

export interface StartRecovery {
  /** Audit entries to write once the database is open. */
  recovered: Recovered[];
  /** Set when the incoming copy is in place but not yet opened: the start verifies and finishes it. */
  pending: RestoreJournal | null;
}

/**
 * Run at every start before the database is opened: settles a restore a crash interrupted, and
 * removes files no step will use any more (a `.restoring` no journal names, a `.rekeying`: the
 * re-key's own recovery only needs the key file and the database; a journal's unfinished .tmp).
 * Each is logged.
 */
export function settleFiles(db: string, log: (message: string) => void): StartRecovery {
  const journal = readJournal(db);
  const recovered: Recovered[] = [];
  let pending: RestoreJournal | null = null;
  if (journal) {
    if (journal.phase === 'rollback' || existsSync(incomingFile(db)) || !existsSync(db)) {
      rollBack(db, journal);
      log(`an interrupted restore of ${journal.file} was rolled back: the database from before it is back in place`);
      recovered.push(restoreRecovered(journal, 'rolled-back'));
    } else pending = journal;
  } else if (existsSync(journalFile(db))) {
    // Written whole by rename, a journal that cannot be read is damaged and cannot say what to undo;
    // a database it leaves missing is DB_MISSING, with the restore as the way forward.
    rmSync(journalFile(db), { force: true });
    log(`an unreadable restore journal was removed: ${journalFile(db)}`);
  }
  for (const stray of [incomingFile(db), rekeyingFile(db), `${journalFile(db)}.tmp`]) {
    if (!existsSync(stray)) continue;
    rmSync(stray, { force: true });
    log(`a file left by an interrupted restore or re-key was removed: ${stray}`);
  }
  return { recovered, pending };
}

export const restoreRecovered = (journal: RestoreJournal, outcome: 'completed' | 'rolled-back', extra: Record<string, unknown> = {}): Recovered => ({
  action: 'backup-restore-recovered',
  entity: 'database',
  entityId: null,
  after: { outcome, file: journal.file, movedAsideTo: journal.aside, ...extra },
});

export const rekeyRecovered = (outcome: 'completed' | 'rolled-back'): Recovered => ({
  action: 'database-rekey-recovered',
  entity: 'database',
  entityId: null,
  after: { outcome },
});
