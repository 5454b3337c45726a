import { homedir } from 'node:os';
import { basename, join, resolve, win32 } from 'node:path';
import { networkKindOf, type FolderProbe } from './network-folder';

/**
 * Where the web shell keeps its data when no folder is given: the OS's per-user data folder, the
 * machine key in the config folder apart from it (a copied data folder does not carry its key).
 */
export interface DataPaths {
  dataDir: string;
  machineKey: string;
}

/** A data folder chosen by hand (--data, ARCHIVE_DESK_DATA): its machine key sits beside it. */
export const dataPathsUnder = (dataDir: string): DataPaths => ({ dataDir, machineKey: join(dataDir, '..', `${basename(dataDir)}.machine.key`) });

export function defaultDataPaths(env = process.env, platform = process.platform): DataPaths {
  if (env.ARCHIVE_DESK_DATA) return dataPathsUnder(resolve(env.ARCHIVE_DESK_DATA));
  const home = homedir();
  if (platform === 'win32') {
    const base = env.APPDATA ?? join(home, 'AppData', 'Roaming');
    return { dataDir: join(base, 'Archive Desk', 'data'), machineKey: join(env.LOCALAPPDATA ?? base, 'Archive Desk', 'machine.key') };
  }
  if (platform === 'darwin') {
    const base = join(home, 'Library', 'Application Support', 'Archive Desk');
    return { dataDir: join(base, 'data'), machineKey: join(base, 'machine.key') };
  }
  return {
    dataDir: join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'archive-desk'),
    machineKey: join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'archive-desk', 'machine.key'),
  };
}

/**
 * The Electron app's data folder: `<userData>/data`, unless a domain PC's roaming profile is
 * redirected to a server, which makes that folder a share (refused: SQLite must not be opened over
 * the network). Then the user's local AppData, which stays on this PC, holds it.
 */
export function electronDataDir(userData: string, env = process.env, probe?: FolderProbe): string {
  const roaming = join(userData, 'data');
  if ((probe?.platform ?? process.platform) !== 'win32' || !env.LOCALAPPDATA) return roaming;
  return networkKindOf(roaming, probe) === null ? roaming : win32.join(env.LOCALAPPDATA, 'Archive Desk', 'data');
}
