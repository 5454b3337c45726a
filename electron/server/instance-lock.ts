import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One archive, one writer, whichever shell opened it: a lock file in the data folder names the
 * process holding it (and, for the web shell, the address it serves). A lock whose process is gone
 * (a crash, a power cut) is stale and taken over.
 *
 * Many starts may race for it (a double click, a login item and a click): the lock file only ever
 * appears whole (written aside, then hard-linked into place, which fails if one is there), and a
 * stale one is removed only by the one start that holds the takeover guard named after it, and
 * only after reading it again under that guard.
 */
export interface LockHolder {
  pid: number;
  url?: string;
}

export const lockFile = (dataDir: string) => join(dataDir, 'archive.lock');

/** What this process wrote into the lock: the nonce tells its lock from any other with the same pid. */
const ours = new Map<string, string>();

interface SeenLock {
  holder: LockHolder | null;
  /** Which lock file this is: its nonce, or for an unreadable one its inode and time. */
  id: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): SeenLock | null {
  let raw: string;
  let stamp: string;
  try {
    const stat = statSync(path);
    stamp = `${stat.ino}-${stat.mtimeMs}-${stat.size}`;
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const { pid, url, nonce } = JSON.parse(raw) as LockHolder & { nonce?: unknown };
    const holder = Number.isInteger(pid) && pid > 0 ? { pid, ...(typeof url === 'string' ? { url } : {}) } : null;
    return { holder, id: typeof nonce === 'string' ? nonce : stamp };
  } catch {
    return { holder: null, id: stamp };
  }
}

/** Creates `path` with this content in one step; false when a file is already there. */
function createWhole(path: string, content: string): boolean {
  const aside = `${path}.${process.pid}-${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, content, { mode: 0o600 });
  try {
    linkSync(aside, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Replaces the lock's content in one step, so no reader ever sees it empty or half written. */
function replaceWhole(path: string, content: string): void {
  const aside = `${path}.${process.pid}-${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, content, { mode: 0o600 });
  renameSync(aside, path);
}

/**
 * Removes the stale lock `seen` if it is still the one in place. The guard, named after that very
 * lock, lets one start at a time do it; a start that read the same stale lock late finds either no
 * guard and a different lock (and leaves it), or the guard (and waits for the next try).
 */
function removeStale(path: string, seen: SeenLock): void {
  const guard = `${path}.takeover-${seen.id.replace(/[^\w.-]/g, '_')}`;
  if (!createWhole(guard, JSON.stringify({ pid: process.pid }))) {
    // A guard whose start died in these few lines would keep this stale lock for ever.
    const guardHolder = readLock(guard)?.holder;
    if (guardHolder && !alive(guardHolder.pid)) rmSync(guard, { force: true });
    return;
  }
  try {
    if (readLock(path)?.id === seen.id) rmSync(path, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the lock for this process; returns the other live holder instead when there is one. */
export function acquireLock(dataDir: string): { acquired: true } | { acquired: false; holder: LockHolder } {
  const path = lockFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const nonce = randomBytes(12).toString('hex');
    if (createWhole(path, JSON.stringify({ pid: process.pid, nonce }))) {
      ours.set(path, nonce);
      return { acquired: true };
    }
    const seen = readLock(path);
    if (!seen) continue;
    // Our own process (a second Runtime in tests, a restart of the runtime) is not another instance.
    if (seen.holder?.pid === process.pid) return { acquired: true };
    if (seen.holder && alive(seen.holder.pid)) return { acquired: false, holder: seen.holder };
    removeStale(path, seen);
    pause(2);
  }
  return { acquired: false, holder: readLock(path)?.holder ?? { pid: 0 } };
}

/** The web shell's address, so a second start can point to the one already open. */
export function publishUrl(dataDir: string, url: string): void {
  const path = lockFile(dataDir);
  if (readLock(path)?.holder?.pid === process.pid)
    replaceWhole(path, JSON.stringify({ pid: process.pid, nonce: ours.get(path) ?? randomBytes(12).toString('hex'), url }));
}

export function releaseLock(dataDir: string): void {
  const path = lockFile(dataDir);
  if (readLock(path)?.holder?.pid === process.pid) rmSync(path, { force: true });
  ours.delete(path);
}
