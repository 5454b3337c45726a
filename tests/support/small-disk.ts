import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface SmallDisk {
  path: string;
  release(): void;
}

/**
 * A real tmpfs of `bytes` mounted over `dir`, for the tests of a full disk: only a real one says
 * ENOSPC where SQLite, VACUUM INTO and the backup probe each meet it. Mounting needs root, or a
 * user and mount namespace of one's own (`unshare --user --map-root-user --mount npm test` as an
 * ordinary user). It cannot be reached through /proc/<pid>/root of a helper process instead:
 * SQLite resolves that link and writes to the folder underneath. Without either, the test fails
 * saying so, rather than passing on something else.
 */
export function mountSmallDisk(dir: string, bytes: number): SmallDisk {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const said = String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim();
    throw new Error(
      `This test needs a real small disk: mounting a tmpfs needs root or a user+mount namespace. ` +
        `Run the suite as root, or as an ordinary user: unshare --user --map-root-user --mount npm test. (mount said: ${said})`,
    );
  }
  return { path: dir, release: () => execFileSync('umount', [dir]) };
}
