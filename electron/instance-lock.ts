import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One archive, one writer, whichever shell opened it: a lock file in the data folder names the
 * process holding it (and, for the web shell, the address it serves). A lock whose process is gone
 * (a crash, a power cut) is stale and taken over.
 */
export interface LockHolder {
  pid: number;
  url?: string;
}

export const lockFile = (dataDir: string) => join(dataDir, 'archive.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) && holder.pid > 0 ? holder : null;
  } catch {
    return null;
  }
}

/** Takes the lock for this process; returns the other live holder instead when there is one. */
export function acquireLock(dataDir: string): { acquired: true } | { acquired: false; holder: LockHolder } {
  const path = lockFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid }));
      } finally {
        closeSync(fd);
      }
      return { acquired: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(path);
    // Our own process (a second Runtime in tests, a restart of the runtime) is not another instance.
    if (holder?.pid === process.pid) return { acquired: true };
    if (holder && alive(holder.pid)) return { acquired: false, holder };
    rmSync(path, { force: true });
  }
  return { acquired: false, holder: readHolder(path) ?? { pid: 0 } };
}

/** The web shell's address, so a second start can point to the one already open. */
export function publishUrl(dataDir: string, url: string): void {
  const path = lockFile(dataDir);
  if (readHolder(path)?.pid === process.pid) writeFileSync(path, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 });
}

export function releaseLock(dataDir: string): void {
  const path = lockFile(dataDir);
  if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
}
