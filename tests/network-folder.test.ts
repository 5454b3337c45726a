import { mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../electron/core/contract/errors';
import { electronDataDir } from '../electron/server/data-paths';
import { assertLocalDataFolder, isUncPath, networkKindOf, networkMountOf, parseMountInfo, type FolderProbe } from '../electron/server/network-folder';

/** A mount table as /proc/self/mountinfo writes it: a local root, a local data disk, and shares. */
const MOUNTS = [
  '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro',
  '25 22 0:23 / /proc rw,nosuid shared:12 - proc proc rw',
  '30 22 8:17 / /data rw,relatime shared:20 - xfs /dev/sdb1 rw',
  '40 22 0:45 / /mnt/nas rw,relatime shared:30 - nfs4 nas.local:/export rw,vers=4.2,addr=192.168.1.5',
  '41 40 8:33 / /mnt/nas/usb rw,relatime shared:31 - ext4 /dev/sdc1 rw',
  '50 22 0:46 / /media/office\\040share rw,relatime shared:32 - cifs //fileserver/office rw,vers=3.1.1',
  '51 22 0:47 / /home/li/remote rw,nosuid,nodev shared:33 - fuse.sshfs li@server: rw,user_id=1000',
  '52 22 0:48 / /srv/gluster rw shared:34 master:2 - glusterfs gl1:/vol rw',
  '53 22 0:49 / /data/nas rw - nfs server:/x rw',
].join('\n');

describe('a data folder on a network share', () => {
  it('reads mount points and types, unescaping spaces, keeping optional fields apart', () => {
    const mounts = parseMountInfo(`${MOUNTS}\nnot a mount line\n`);
    expect(mounts).toHaveLength(9);
    expect(mounts[5]).toEqual({ mountPoint: '/media/office share', fsType: 'cifs' });
    expect(mounts[7]).toEqual({ mountPoint: '/srv/gluster', fsType: 'glusterfs' });
  });

  it('finds the mount holding a folder by the longest mount point prefix', () => {
    expect(networkMountOf('/home/li/archive', MOUNTS)).toBeNull();
    expect(networkMountOf('/data/archive-desk', MOUNTS)).toBeNull();
    expect(networkMountOf('/mnt/nas', MOUNTS)).toBe('nfs4');
    expect(networkMountOf('/mnt/nas/archive', MOUNTS)).toBe('nfs4');
    // A local disk mounted inside a share, and a share inside a local disk.
    expect(networkMountOf('/mnt/nas/usb/archive', MOUNTS)).toBeNull();
    expect(networkMountOf('/data/nas/archive', MOUNTS)).toBe('nfs');
    // A prefix of the name is not a parent folder.
    expect(networkMountOf('/mnt/nasty/archive', MOUNTS)).toBeNull();
    expect(networkMountOf('/media/office share/档案', MOUNTS)).toBe('cifs');
    expect(networkMountOf('/home/li/remote/data', MOUNTS)).toBe('fuse.sshfs');
    expect(networkMountOf('/srv/gluster/a', MOUNTS)).toBe('glusterfs');
  });

  it('takes the later of two mounts on one point: the one mounted over the other', () => {
    const over = `${MOUNTS}\n60 22 0:50 / /data rw - smb3 //nas/data rw`;
    expect(networkMountOf('/data/archive-desk', over)).toBe('smb3');
    expect(networkMountOf('/data/archive-desk', `${over}\n61 60 8:18 / /data rw - ext4 /dev/sdd1 rw`)).toBeNull();
  });

  it('tells a Windows share path from a drive path', () => {
    for (const p of [
      '\\\\fileserver\\office\\archive',
      '//fileserver/office',
      '\\\\?\\UNC\\fileserver\\office\\data',
      '\\\\.\\UNC\\fileserver\\office\\data',
      '//?/unc/fileserver/office',
      '\\\\192.168.1.5\\d$\\archive',
      '\\\\文件服务器\\档案 室\\数据',
    ])
      expect(isUncPath(p)).toBe(true);
    for (const p of [
      'C:\\Users\\li\\AppData\\Roaming\\Archive Desk\\data',
      'C:\\Users\\张 三\\AppData\\Roaming\\Archive Desk\\data',
      'D:\\档案',
      '\\\\?\\C:\\data',
      '\\\\.\\C:\\data',
      '\\data',
      'relative\\path',
    ])
      expect(isUncPath(p)).toBe(false);
  });

  it('on Windows refuses a share, or a drive letter whose real path is one (a mapped drive)', () => {
    const probe = (real: string): FolderProbe => ({ platform: 'win32', mountInfo: () => null, realpath: () => real });
    expect(networkKindOf('\\\\nas\\archive\\data', probe('\\\\nas\\archive\\data'))).toBe('smb');
    expect(networkKindOf('Z:\\data', probe('\\\\nas\\archive\\data'))).toBe('smb');
    expect(networkKindOf('D:\\data', probe('D:\\data'))).toBeNull();
    // A domain PC whose roaming profile is redirected to the server: the user's own AppData is a share.
    const appData = 'C:\\Users\\张 三\\AppData\\Roaming\\Archive Desk\\data';
    expect(networkKindOf(appData, probe('\\\\dc01\\profiles$\\张 三\\AppData\\Roaming\\Archive Desk\\data'))).toBe('smb');
    expect(networkKindOf(appData, probe(appData))).toBeNull();
  });

  it('puts the desktop app’s archive in local AppData when the roaming profile is a share', () => {
    const userData = 'C:\\Users\\张 三\\AppData\\Roaming\\Archive Desk';
    const env = { LOCALAPPDATA: 'C:\\Users\\张 三\\AppData\\Local' };
    // The roaming folder's real path is on the domain controller (realpath turns it into the share).
    const redirected: FolderProbe = { platform: 'win32', mountInfo: () => null, realpath: () => '\\\\dc01\\profiles$\\张 三\\AppData\\Roaming' };
    const local: FolderProbe = { platform: 'win32', mountInfo: () => null, realpath: (p) => p };
    expect(electronDataDir(userData, env, redirected)).toBe('C:\\Users\\张 三\\AppData\\Local\\Archive Desk\\data');
    expect(electronDataDir(userData, env, local)).toBe(join(userData, 'data'));
    // Linux and macOS keep the app's own folder; a share there is refused at start, with its reason.
    expect(electronDataDir('/home/li/.config/Archive Desk', env, { platform: 'linux', mountInfo: () => null, realpath: (p) => p })).toBe(
      '/home/li/.config/Archive Desk/data',
    );
  });

  it('on a Linux desktop refuses a share opened from the file manager (gvfs, smbnetfs)', () => {
    const desktop = [
      '22 1 8:1 / / rw - ext4 /dev/sda1 rw',
      '70 22 0:60 / /run/user/1000/gvfs rw,nosuid,nodev shared:40 - fuse.gvfsd-fuse gvfsd-fuse rw,user_id=1000',
      '71 22 0:61 / /home/张\\040三/网络 rw - fuse.smbnetfs smbnetfs rw',
    ].join('\n');
    expect(networkMountOf('/run/user/1000/gvfs/smb-share:server=nas,share=档案/archive-desk', desktop)).toBe('fuse.gvfsd-fuse');
    expect(networkMountOf('/home/张 三/网络/nas/档案', desktop)).toBe('fuse.smbnetfs');
    expect(networkMountOf('/home/张 三/.local/share/archive-desk', desktop)).toBeNull();
  });

  it('follows links, and judges a folder not made yet by the nearest one that is', () => {
    const work = mkdtempSync(join(tmpdir(), 'archive-desk-share-'));
    try {
      const share = join(work, 'share');
      mkdirSync(share);
      symlinkSync(share, join(work, 'link'));
      const mountInfo = `22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 0:45 / ${share} rw - cifs //nas/x rw`;
      const probe: FolderProbe = { platform: 'linux', mountInfo: () => mountInfo, realpath: (p) => realpathSync(p) };
      expect(networkKindOf(join(work, 'link', 'data'), probe)).toBe('cifs');
      expect(networkKindOf(join(work, 'link', 'not', 'yet', 'made'), probe)).toBe('cifs');
      expect(networkKindOf(join(work, 'local', 'data'), probe)).toBeNull();
      let thrown: unknown;
      try {
        assertLocalDataFolder(join(work, 'link', 'data'), probe);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).toPayload()).toEqual({ code: 'DATA_FOLDER_ON_NETWORK', params: { path: join(work, 'link', 'data'), kind: 'cifs' } });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('passes this machine’s own temp folder (the tests’ data folders) on the real mount table', () => {
    expect(networkKindOf(tmpdir())).toBeNull();
  });
});
