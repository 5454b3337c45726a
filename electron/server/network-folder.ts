import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../core/contract/errors';

/**
 * The archive is one SQLite file with one writer. Over a network file system SQLite's locks are
 * not to be trusted (NFS and SMB drop or fake them) and a write the client cached can be lost when
 * the link drops: two PCs opening one share's archive.db, or one PC losing its share mid-write,
 * damage the archive. So the data folder must be on a disk of the PC itself; other PCs reach it
 * through host mode (网络共享), never through the file.
 */
export const NETWORK_FS_TYPES: ReadonlySet<string> = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'ncpfs',
  'afs',
  'ceph',
  'glusterfs',
  '9p',
  'fuse.sshfs',
  'davfs',
  // A share opened from the Linux desktop's file manager (smb://…): GNOME's gvfs, or smbnetfs.
  'fuse.gvfsd-fuse',
  'fuse.smbnetfs',
  'fuse.rclone',
]);

interface Mount {
  mountPoint: string;
  fsType: string;
}

/** The kernel writes space, tab, newline and backslash in a mount point as \040, \011, \012, \134. */
const unescapeMount = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

/**
 * /proc/self/mountinfo, one mount a line: "36 35 98:0 /root /mount/point opts [optional…] - fstype source superopts".
 * The fields after the lone "-" are the file system's; a line that does not parse is skipped.
 */
export function parseMountInfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6 || fields.length < dash + 2) continue;
    mounts.push({ mountPoint: unescapeMount(fields[4]), fsType: fields[dash + 1] });
  }
  return mounts;
}

const holds = (mountPoint: string, path: string) => mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);

/**
 * The network file system type holding `path` (a real path, links resolved), or null: the mount
 * whose mount point is the longest prefix of the path, the later of equal ones (mounted over it).
 */
export function networkMountOf(path: string, mountInfo: string): string | null {
  let best: Mount | null = null;
  for (const mount of parseMountInfo(mountInfo)) {
    if (holds(mount.mountPoint, path) && (best === null || mount.mountPoint.length >= best.mountPoint.length)) best = mount;
  }
  return best && NETWORK_FS_TYPES.has(best.fsType) ? best.fsType : null;
}

/** A Windows path to a share: \\server\share\…, or its device forms \\?\UNC\server\share\… and \\.\UNC\…. */
export function isUncPath(path: string): boolean {
  return /^[\\/]{2}[?.][\\/]UNC[\\/]/i.test(path) || /^[\\/]{2}(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(path);
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor's, plus the rest. */
function realPathOf(folder: string, realpath: (p: string) => string): string {
  let existing = folder;
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  try {
    return join(realpath(existing), ...rest);
  } catch {
    return folder;
  }
}

export interface FolderProbe {
  platform: NodeJS.Platform;
  /** /proc/self/mountinfo's text; null where there is none. */
  mountInfo: () => string | null;
  realpath: (path: string) => string;
}

const systemProbe: FolderProbe = {
  platform: process.platform,
  mountInfo: () => {
    try {
      return readFileSync('/proc/self/mountinfo', 'utf8');
    } catch {
      return null;
    }
  },
  // On Windows the native realpath turns a drive letter mapped to a share into its \\server\share path.
  realpath: (p) => realpathSync.native(p),
};

/** What kind of network share holds the folder (nfs4, cifs, smb…), or null when it is a local disk. */
export function networkKindOf(folder: string, probe: FolderProbe = systemProbe): string | null {
  if (probe.platform === 'win32') {
    if (isUncPath(folder)) return 'smb';
    return isUncPath(realPathOf(folder, probe.realpath)) ? 'smb' : null;
  }
  const mountInfo = probe.mountInfo();
  return mountInfo === null ? null : networkMountOf(realPathOf(folder, probe.realpath), mountInfo);
}

/** Refuses a data folder on a network share, saying where and what kind: the start screen explains. */
export function assertLocalDataFolder(folder: string, probe: FolderProbe = systemProbe): void {
  const kind = networkKindOf(folder, probe);
  if (kind !== null) throw new AppError('DATA_FOLDER_ON_NETWORK', { params: { path: folder, kind } });
}
